/* Progress: one FSRS card state per fact id, in localStorage, saved after every answer. */
"use strict";

const PROGRESS_FORMAT = "quizgen-progress";

class Progress {
  constructor(deck, storage) {
    this.deck = deck;
    this.storage = storage;
    this.key = "quizgen:" + deck + ":progress";
    this.cards = {};
    this.problem = null;  // why progress cannot be kept, shown to the learner instead of failing
    try {
      const saved = storage.getItem(this.key);
      if (saved) this.cards = Progress.cardsOf(JSON.parse(saved)).cards;
    } catch (error) {
      this.problem = "Saved progress could not be read (" + error.message + ").";
    }
  }

  get(id) { return this.cards[id] || null; }

  /* Keep the new state of one fact and write everything at once: a closed tab loses nothing. */
  put(id, card) {
    this.cards[id] = Progress.plain(card);
    this.save();
  }

  save() {
    try {
      this.storage.setItem(this.key, JSON.stringify(this.document()));
      this.problem = null;
    } catch (error) {
      this.problem = "Progress could not be saved in this browser (" + error.message + "). Export it to keep it.";
    }
  }

  clear() {
    this.cards = {};
    try { this.storage.removeItem(this.key); } catch (error) { /* nothing kept: nothing to remove */ }
  }

  document() {
    return { format: PROGRESS_FORMAT, version: 1, deck: this.deck, cards: this.cards };
  }

  /* Merge an exported file: for each fact the more recently reviewed state wins. */
  merge(text) {
    const incoming = Progress.cardsOf(JSON.parse(text));
    let taken = 0;
    for (const [id, card] of Object.entries(incoming.cards)) {
      const mine = this.cards[id];
      if (!mine || Progress.reviewed(card) >= Progress.reviewed(mine)) {
        this.cards[id] = card;
        taken += 1;
      }
    }
    this.save();
    return { taken: taken, total: Object.keys(incoming.cards).length, deck: incoming.deck };
  }

  static reviewed(card) { return card.last_review ? Date.parse(card.last_review) : 0; }

  /* Dates as ISO strings: ts-fsrs reads them back as they are. */
  static plain(card) {
    const copy = Object.assign({}, card);
    for (const field of ["due", "last_review"]) {
      if (copy[field] instanceof Date) copy[field] = copy[field].toISOString();
    }
    return copy;
  }

  /* The cards of a progress document, checked field by field; anything else is an Error. */
  static cardsOf(parsed) {
    if (!parsed || parsed.format !== PROGRESS_FORMAT || typeof parsed.cards !== "object" || !parsed.cards) {
      throw new Error("this is not a quizgen progress file");
    }
    const cards = {};
    for (const [id, card] of Object.entries(parsed.cards)) {
      const numbers = ["stability", "difficulty", "reps", "lapses", "state"].every(
        (field) => typeof card[field] === "number" && isFinite(card[field]));
      if (!numbers || isNaN(Date.parse(card.due))) throw new Error("the progress of '" + id + "' is damaged");
      cards[id] = card;
    }
    return { deck: parsed.deck, cards: cards };
  }
}

/* localStorage when the browser allows it; else memory, with the reason (export still works). */
function browserStorage() {
  try {
    const storage = window.localStorage;
    storage.setItem("quizgen:probe", "1");
    storage.removeItem("quizgen:probe");
    return { storage: storage, problem: null };
  } catch (error) {
    const kept = new Map();
    const memory = {
      getItem: (key) => (kept.has(key) ? kept.get(key) : null),
      setItem: (key, value) => { kept.set(key, String(value)); },
      removeItem: (key) => { kept.delete(key); },
    };
    return { storage: memory, problem: "This browser does not let the page keep progress (" +
      error.message + "): export it before you close the page." };
  }
}
