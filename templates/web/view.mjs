/* One card on screen, its answer side and the end-of-queue screen; focus and announcements follow. */

import { $, KIND_NAMES, announce, element, plural, showText } from "./dom.mjs";

export class CardView {
  constructor(bank) {
    this.bank = bank;
  }

  /* The question side; in multiple choice, the options in the given order (or null when the fact has none);
     typing, a field for the answer; filling the gap, the fact's cloze sentence as the question. */
  ask(fact, mode, order, focus) {
    $("card").hidden = false;
    $("done").hidden = true;
    $("card").dataset.fact = fact.id;
    $("card-kind").textContent = KIND_NAMES[fact.kind] || fact.kind;
    $("card-source").textContent = fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
    const cloze = mode === "cloze" && fact.cloze;
    $("question").textContent = cloze ? fact.cloze.text : fact.q;
    if (cloze) $("card-kind").textContent = "Fill the gap";
    this.clozed = Boolean(cloze);
    $("answer").hidden = true;
    $("rate").hidden = true;
    $("next").hidden = true;
    const options = mode === "mc" ? fact.mc : null;
    const list = $("options");
    list.replaceChildren();
    list.hidden = !options;
    const typing = mode === "typed";
    $("show").hidden = Boolean(options) || typing;
    $("typed-form").hidden = !typing;
    $("typed").value = "";
    $("typed").disabled = false;
    if (options) {
      order.forEach((index, place) => {
        const button = element("button", null, "option");
        button.type = "button";
        button.dataset.index = String(index);
        button.append(element("kbd", String(place + 1)), element("span", options.options[index]),
          element("span", "", "mark"));
        const item = element("li");
        item.append(button);
        list.append(item);
      });
    }
    if (focus) $(typing ? "typed" : "question").focus();
    return options;
  }

  /* The answer side: verdict, answer, stance, note and every source with its quote. The outcome is
     {choice} (multiple choice), {typed} (a typed answer, judged) or null (a flashcard). */
  reveal(fact, outcome, waits) {
    $("show").hidden = true;
    $("answer").hidden = false;
    const choice = outcome && outcome.choice !== undefined ? outcome.choice : null;
    let said = "";
    if (choice !== null) said = this.choice(fact, choice);
    else if (outcome && outcome.typed) said = this.typed(outcome.typed);
    else $("verdict").hidden = true;
    showText("cloze-full", this.clozed ? fact.cloze.full : "");
    $("answer-text").textContent = fact.a;
    showText("answer-alt", fact.alt.join(", "), "Also correct: ");
    showText("answer-role", fact.role, "Role: ");
    showText("answer-date", fact.date && fact.event ? fact.date + ": " + fact.event : fact.date, "When: ");
    const stance = $("stance");
    stance.textContent = this.bank.stances[fact.stance];
    stance.className = "stance " + fact.stance;
    showText("note-text", fact.note);
    $("note").hidden = !fact.note;
    $("note-label").textContent = fact.stance === "propaganda" ? "Why it is false:" : "Note:";
    showText("derived", fact.derived, "How we know: ");
    $("fact-id").textContent = fact.id;
    this.cites(fact);
    $("rate").hidden = choice !== null;
    $("next").hidden = choice === null;
    for (const button of $("rate").querySelectorAll("button")) {
      button.querySelector("small").textContent = waits ? waits[button.dataset.rating] : "";
    }
    $("answer-head").focus();
    announce(said + "Answer: " + fact.a + ".");
  }

  verdict(text, className) {
    const verdict = $("verdict");
    verdict.hidden = false;
    verdict.textContent = text;
    verdict.className = "verdict " + className;
  }

  /* Multiple choice: ✓ on the right option, ✗ on a wrong choice, with words for screen readers. */
  choice(fact, choice) {
    const right = choice === fact.mc.answer;
    this.verdict(right ? "✓ Right. (Counted as Good while you are learning the card, as Hard once it is in review: recognising is easier than recalling.)"
      : "✗ Not quite: you chose " + fact.mc.options[choice] + ".", right ? "right" : "wrong");
    for (const button of $("options").querySelectorAll("button")) {
      const index = Number(button.dataset.index);
      const isRight = index === fact.mc.answer, isWrong = index === choice && !isRight;
      button.disabled = true;
      button.classList.toggle("right", isRight);
      button.classList.toggle("wrong", isWrong);
      const mark = button.querySelector(".mark");
      mark.replaceChildren();
      if (isRight || isWrong) {
        const glyph = element("span", isRight ? "✓" : "✗");
        glyph.setAttribute("aria-hidden", "true");
        mark.append(glyph, element("span", isRight ? " correct answer" : " your answer", "visually-hidden"));
      }
    }
    return right ? "Right. " : "Not quite: you chose " + fact.mc.options[choice] + ". ";
  }

  /* A typed answer: right only in an accepted form; otherwise the learner sees both and rates. */
  typed(judged) {
    $("typed").disabled = true;
    let text;
    if (judged.right) {
      text = "✓ Right: you typed “" + judged.typed + "”.";
      this.verdict(text, "right");
    } else {
      text = judged.typed ? "You typed “" + judged.typed + "”. Compare it with the answer below and rate " +
        "yourself: Again if it was wrong, Good if it means the same." : "No answer typed.";
      this.verdict(text, "judge");
    }
    return text + " ";
  }

  cites(fact) {
    const box = $("cites");
    box.replaceChildren();
    for (const cite of fact.cites) {
      const source = this.bank.sources[cite.source];
      const figure = element("figure", null, "cite");
      figure.append(element("blockquote", cite.quote));
      const caption = element("figcaption", "Source: " + source.citation);
      if (source.url && /^https?:\/\//i.test(source.url)) {
        const link = element("a", "link");
        link.href = source.url;  // a link the learner may follow; never loaded by the page
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        caption.append(" (", link, ")");
      }
      figure.append(caption);
      box.append(figure);
    }
  }

  /* Nothing to study now: say why, when the next card comes, and what tomorrow holds. */
  finished(pick, counts, focus) {
    $("card").hidden = true;
    $("done").hidden = false;
    let heading, text = "";
    if (counts.total === 0) heading = "No card matches these filters.";
    else if (pick.limited) {
      heading = "Done for today.";
      text = "You have started today's " + plural(counts.newPerDay, "new card") + ". " +
        plural(counts.tomorrow, "card") + " due by the end of tomorrow.";
    } else {
      heading = counts.fresh === 0 && counts.seen === counts.total ? "All done for now." : "Done for now.";
      text = plural(counts.tomorrow, "card") + " due by the end of tomorrow.";
    }
    if (pick.nextDue && counts.total) text += " Next card due " + pick.nextDue.toLocaleString() + ".";
    $("done-heading").textContent = heading;
    $("done-text").textContent = text;
    $("more-new").hidden = !pick.limited;
    if (focus) $("done-heading").focus();
    announce(heading + " " + text);
  }
}
