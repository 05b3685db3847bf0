/* The study queue: which fact comes next, and what an answer does to its FSRS schedule. */
"use strict";

const RATINGS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

class Deck {
  constructor(bank, progress) {
    this.bank = bank;
    this.progress = progress;
    this.scheduler = FSRS.fsrs({ request_retention: 0.9, enable_fuzz: false });
    this.chosen = bank.facts;
  }

  /* Keep the facts that match every filter ("" means any). */
  filter(source, kind, tag) {
    this.chosen = this.bank.facts.filter((fact) =>
      (!source || fact.cites.some((cite) => cite.source === source)) &&
      (!kind || fact.kind === kind) &&
      (!tag || fact.tags.includes(tag)));
  }

  /* The most overdue card, else the next new one, else null (with when the next one is due). */
  next(now) {
    let due = null, dueAt = Infinity, fresh = null, later = Infinity;
    for (const fact of this.chosen) {
      const card = this.progress.get(fact.id);
      if (!card) { if (!fresh) fresh = fact; continue; }
      const at = Date.parse(card.due);
      if (at <= now.getTime() && at < dueAt) { due = fact; dueAt = at; }
      if (at > now.getTime() && at < later) later = at;
    }
    return { fact: due || fresh, nextDue: isFinite(later) ? new Date(later) : null };
  }

  counts(now) {
    let due = 0, fresh = 0, seen = 0;
    for (const fact of this.chosen) {
      const card = this.progress.get(fact.id);
      if (!card) fresh += 1;
      else { seen += 1; if (Date.parse(card.due) <= now.getTime()) due += 1; }
    }
    return { due: due, fresh: fresh, seen: seen, total: this.chosen.length };
  }

  cardOf(fact) { return this.progress.get(fact.id) || FSRS.createEmptyCard(); }

  /* When each rating would bring the card back, for the buttons ("10 min", "3 d"). */
  preview(fact, now) {
    const outcomes = this.scheduler.repeat(this.cardOf(fact), now);
    const waits = {};
    for (const rating of Object.keys(RATINGS)) waits[rating] = wait(outcomes[rating].card.due, now);
    return waits;
  }

  /* Schedule the answer and save it at once. */
  rate(fact, rating, now) {
    const result = this.scheduler.next(this.cardOf(fact), now, Number(rating));
    this.progress.put(fact.id, result.card);
    return result.card;
  }
}

function wait(due, now) {
  const minutes = Math.max(1, Math.round((new Date(due).getTime() - now.getTime()) / 60000));
  if (minutes < 60) return minutes + " min";
  if (minutes < 60 * 24) return Math.round(minutes / 60) + " h";
  const days = Math.round(minutes / (60 * 24));
  return days < 60 ? days + " d" : Math.round(days / 30) + " mo";
}
