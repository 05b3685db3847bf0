"""People's names as learners give them: the surname alone, initials, no middle name, a title first."""

from __future__ import annotations

from quizgen.grading.spelling import distance, is_typo

CORRECT, ALMOST, WRONG = "correct", "almost", "wrong"

TITLES = {
    "general",
    "air",
    "chief",
    "gen",
    "president",
    "pres",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "secretary",
    "minister",
    "prime",
    "foreign",
    "defence",
    "defense",
    "chancellor",
    "admiral",
    "adm",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "major",
    "chairman",
    "chair",
    "ambassador",
    "senator",
    "sen",
    "king",
    "queen",
    "prince",
    "premier",
    "deputy",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "commander",
    "marshal",
    "field",
    "vice",
    "pm",
    "us",
    "nato",
    "russian",
    "german",
    "eu",
    "un",
    "of",
    "state",
    "the",
}
# Titles shortened: 'Gen. Tod Wolters' is General Tod Wolters.
TITLE_SHORTS = {"gen": "general", "pres": "president", "adm": "admiral", "col": "colonel", "lt": "lieutenant"}
TITLE_SHORTS |= {"sen": "senator", "prof": "professor"}


def match_name(given: str, wanted: str) -> str | None:
    """Grade a person's name (both normalized), or None when the name rules do not apply.

    Only titles are dropped (never words of the question: 'not Meloni' is not Meloni). Given
    names must be the fact's, in order, or their initials; an extra middle name or a first
    name two letters off is close (the learner decides); another first name is another person.
    """
    got, want = given.split(), wanted.split()
    while len(got) > 1 and got[0] in TITLES:
        got = got[1:]
    while len(want) > 2 and want[0] in TITLES:  # 'Admiral Rob Bauer': the title is no given name
        want = want[1:]
    if len(want) < 2 or not got:
        return None
    surname, first_names = want[-1], want[:-1]
    if got == want:
        return CORRECT
    grade = CORRECT if got[-1] == surname else ALMOST if is_typo(got[-1], surname) else None
    if grade is None:
        return None
    position = 0
    for index, token in enumerate(got[:-1]):  # each given name, in order, is one of the fact's
        while position < len(first_names) and _name_grade(token, first_names[position]) is None:
            position += 1
        if position == len(first_names):
            if index > 0:
                grade = ALMOST  # Vladimir Vladimirovich Putin: a middle name the fact does not give
                position = len(first_names)
                continue
            if grade == CORRECT and distance(token, first_names[0]) <= 2 and token[0] == first_names[0][0]:
                grade = ALMOST  # Emanuele Macron, Todd Wolters: the learner decides
                position = 1
                continue
            return WRONG  # another first name is another person: Thorvald Stoltenberg
        if _name_grade(token, first_names[position]) == ALMOST:
            grade = ALMOST
        position += 1
    return grade


# Short forms of given names that are that name and no other ('Fred' for Frederick); any other start
# of a name may be another one ('Emma' is not Emmanuel): the learner decides.
SHORT_FORMS = {
    "fred": "frederick",
    "alex": "alexander",
    "sasha": "alexander",
    "vlad": "vladimir",
    "volodya": "vladimir",
    "bill": "william",
    "will": "william",
    "bob": "robert",
    "rob": "robert",
    "andy": "andrew",
    "tony": "anthony",
    "mike": "michael",
    "jim": "james",
    "tom": "thomas",
    "joe": "joseph",
    "dima": "dmitry",
    "sergey": "sergei",
    "sergei": "sergey",
    "dmitri": "dmitry",
    "dmitry": "dmitri",
}


def _name_grade(token: str, name: str) -> str | None:
    """'V' or 'Vladimir' for Vladimir; 'Fred' for Frederick; 'Vladmir', 'Fre', 'Emma' (Emmanuel) close."""
    if token == name or (len(token) == 1 and name.startswith(token)) or SHORT_FORMS.get(token) == name:
        return CORRECT
    if is_typo(token, name) or (len(token) >= 3 and name.startswith(token)):
        return ALMOST
    # 'Robert' for the bank's 'Rob': perhaps the full name, perhaps another person: the learner decides
    return ALMOST if len(name) >= 3 and token.startswith(name) else None
