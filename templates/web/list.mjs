/* The Cards view: every card with its id, article and state, searchable, each with a flag kept in the browser. */

import { $, element, plural } from "./dom.mjs";
import { normalise } from "./typed.mjs";

export class CardList {
  constructor(bank, progress) {
    this.bank = bank;
    this.progress = progress;
    this.key = "quizgen:" + bank.deck + ":flags";
  }

  flags() {
    try {
      const saved = JSON.parse(this.progress.storage.getItem(this.key) || "[]");
      return new Set(Array.isArray(saved) ? saved.filter((id) => typeof id === "string") : []);
    } catch (error) {
      return new Set();
    }
  }

  /* Flag or unflag one card: read, change, write, so another tab's flags are kept. {on, problem}:
     whether the card is flagged now, and why the change could not be saved (null when it was). */
  toggle(id) {
    const flags = this.flags();
    const was = flags.has(id);
    if (was) flags.delete(id);
    else flags.add(id);
    try {
      this.progress.storage.setItem(this.key, JSON.stringify(Array.from(flags).sort()));
    } catch (error) {
      return { on: was, problem: "The flag of '" + id + "' could not be saved in this browser (" + error.message +
        "); the card stays " + (was ? "flagged" : "unflagged") + "." };
    }
    return { on: !was, problem: null };
  }

  state(fact, now) {
    const card = this.progress.get(fact.id);
    if (!card) return "new";
    const due = Date.parse(card.due);
    return due <= now ? "due now" : "next " + new Date(due).toLocaleDateString();
  }

  render(query, flaggedOnly) {
    const words = normalise(query);
    const flags = this.flags();
    const now = Date.now();
    const items = [];
    for (const fact of this.bank.facts) {
      if (flaggedOnly && !flags.has(fact.id)) continue;
      if (words && !normalise([fact.q, fact.a, fact.id].concat(fact.alt).join(" ")).includes(words)) continue;
      const item = element("li", null, "listed");
      const link = element("a", fact.q);
      link.href = "#card/" + encodeURIComponent(fact.id);
      const label = fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
      const meta = element("p", label + " · " + this.state(fact, now) + " · id ", "meta");
      meta.append(element("code", fact.id));
      const flag = element("button", null, "flag");
      flag.type = "button";
      flag.dataset.fact = fact.id;
      flag.setAttribute("aria-pressed", String(flags.has(fact.id)));
      const glyph = element("span", flags.has(fact.id) ? "⚑ " : "⚐ ", "glyph");
      glyph.setAttribute("aria-hidden", "true");
      flag.append(glyph, "Flag", element("span", " the card " + fact.id, "visually-hidden"));
      item.append(link, meta, flag);
      items.push(item);
    }
    $("cards-list").replaceChildren(...items);
    $("cards-count").textContent = plural(items.length, "card") + " shown.";
  }
}
