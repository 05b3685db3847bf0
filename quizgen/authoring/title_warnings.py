"""`quizgen check` warnings: an article's title prints the answer of one of its facts."""

from __future__ import annotations

from quizgen.model import Bank
from quizgen.questions.asked import answer_forms
from quizgen.questions.giveaways import shown, telling_of
from quizgen.worksheet.giveaway_words import printed_words

# Where the title is printed above each question of its article (quiz/session header, web card, worksheet title).
SHOWN_IN = "the terminal quiz's header, the study page's card and the worksheet's title"


def title_warnings(bank: Bank) -> list[str]:
    """One line per fact whose answer its article's title states, at the fact's answer line."""
    telling = telling_of(bank)
    lines = []
    for fact in bank.facts:
        source = fact.source
        title = shown(source.title)
        for form in answer_forms(fact):
            ask = telling.ask(fact, form)
            if ask is not None and ask.stated_in(title):
                lines.append(
                    f"{fact.origin.of('a')}: fact '{fact.id}': field 'a': the title of article {source.id} "
                    f'("{source.title}") prints "{printed_words(ask, title)}", the answer, and {SHOWN_IN} '
                    f"print that title above this question (Anki shows only the short label): no setting hides it "
                    f"there; keep it (a warning: check still exits 0) or leave the fact off a sheet with --exclude"
                )
                break
    return lines
