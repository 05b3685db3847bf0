/* One card on screen. Bank text is only ever set as textContent, never parsed as markup. */
"use strict";

const $ = (id) => document.getElementById(id);
const KIND_NAMES = { year: "Year", date: "Date", number: "Number", person: "Person", place: "Place",
  organization: "Organization", document: "Document", event: "Event", term: "Term" };

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showText(id, text, prefix) {
  const node = $(id);
  node.hidden = !text;
  node.textContent = text ? (prefix || "") + text : "";
}

class CardView {
  constructor(bank) {
    this.bank = bank;
  }

  /* The question side; in multiple choice, the options (or null when the fact has none). */
  ask(fact, mode) {
    $("card").hidden = false;
    $("done").hidden = true;
    $("card").dataset.fact = fact.id;
    $("card-kind").textContent = KIND_NAMES[fact.kind] || fact.kind;
    $("card-source").textContent = fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
    $("question").textContent = fact.q;
    $("answer").hidden = true;
    const options = mode === "mc" ? fact.mc : null;
    const list = $("options");
    list.replaceChildren();
    list.hidden = !options;
    $("show").hidden = Boolean(options);
    if (options) {
      options.options.forEach((text, index) => {
        const button = element("button", null, "option");
        button.type = "button";
        button.dataset.index = String(index);
        button.append(element("kbd", String(index + 1)), element("span", text));
        const item = element("li");
        item.append(button);
        list.append(item);
      });
    }
    return options;
  }

  /* The answer side: answer, verdict, stance, note and every source with its quote. */
  reveal(fact, chosen, waits) {
    $("show").hidden = true;
    $("answer").hidden = false;
    const choice = chosen === null || chosen === undefined ? null : Number(chosen);
    const verdict = $("verdict");
    verdict.hidden = choice === null;
    if (choice !== null) {
      const right = choice === fact.mc.answer;
      verdict.textContent = right ? "Right." : "Not quite: you chose " + fact.mc.options[choice] + ".";
      verdict.className = "verdict " + (right ? "right" : "wrong");
      for (const button of $("options").querySelectorAll("button")) {
        const index = Number(button.dataset.index);
        button.disabled = true;
        button.classList.toggle("right", index === fact.mc.answer);
        button.classList.toggle("wrong", index === choice && index !== fact.mc.answer);
      }
    }
    $("answer-text").textContent = fact.a;
    showText("answer-alt", fact.alt.join(", "), "Also accepted: ");
    showText("answer-role", fact.role, "Role: ");
    showText("answer-date", fact.date && fact.event ? fact.date + ": " + fact.event : fact.date, "When: ");
    const stance = $("stance");
    stance.textContent = this.bank.stances[fact.stance];
    stance.className = "stance " + fact.stance;
    showText("note-text", fact.note);
    $("note").hidden = !fact.note;
    $("note-label").textContent = fact.stance === "propaganda" ? "Why it is false:" : "Note:";
    showText("derived", fact.derived, "How we know: ");
    this.cites(fact);
    $("rate").hidden = choice !== null;
    $("next").hidden = choice === null;
    if (waits) {
      for (const button of $("rate").querySelectorAll("button")) {
        button.querySelector("small").textContent = waits[button.dataset.rating];
      }
    }
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

  finished(nextDue, total) {
    $("card").hidden = true;
    const done = $("done");
    done.hidden = false;
    done.textContent = total === 0 ? "No card matches these filters."
      : "All done for now." + (nextDue ? " Next card due " + nextDue.toLocaleString() + "." : "");
  }
}
