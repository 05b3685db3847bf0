/* One card on screen, its answer side and the end-of-queue screen; focus and announcements follow. */

import { $, KIND_NAMES, announce, element, plural, showText } from "./dom.mjs";

export class CardView {
  constructor(bank) {
    this.bank = bank;
  }

  /* The question side; in multiple choice, the options in the given order (or null when the fact has none). */
  ask(fact, mode, order, focus) {
    $("card").hidden = false;
    $("done").hidden = true;
    $("card").dataset.fact = fact.id;
    $("card-kind").textContent = KIND_NAMES[fact.kind] || fact.kind;
    $("card-source").textContent = fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
    $("question").textContent = fact.q;
    $("answer").hidden = true;
    $("rate").hidden = true;
    $("next").hidden = true;
    const options = mode === "mc" ? fact.mc : null;
    const list = $("options");
    list.replaceChildren();
    list.hidden = !options;
    $("show").hidden = Boolean(options);
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
    if (focus) $("question").focus();
    return options;
  }

  /* The answer side: answer, verdict, stance, note and every source with its quote. */
  reveal(fact, chosen, waits) {
    $("show").hidden = true;
    $("answer").hidden = false;
    const choice = chosen === null || chosen === undefined ? null : Number(chosen);
    const verdict = $("verdict");
    verdict.hidden = choice === null;
    let said = "";
    if (choice !== null) {
      const right = choice === fact.mc.answer;
      verdict.textContent = right ? "✓ Right. (Counted as Hard: recognising is easier than recalling.)"
        : "✗ Not quite: you chose " + fact.mc.options[choice] + ".";
      verdict.className = "verdict " + (right ? "right" : "wrong");
      said = right ? "Right. " : "Not quite: you chose " + fact.mc.options[choice] + ". ";
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
    }
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
