/* The study queue: which fact comes next, what an answer does to its FSRS schedule, and undo. */

import { record } from "./progress.mjs";
import { apart, partners } from "./apart.mjs";

export const RATINGS = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
const REVIEW = 2;  // ts-fsrs State.Review
export const LEARN_AHEAD_MS = 20 * 60 * 1000;  // Anki's default: learning cards due within 20 min come early
export const NEW_PER_DAY = 20;

/* The learner's calendar day ("2026-12-07"), local time: a day's new-card limit ends at local midnight. */
export function dayOf(date) {
  const pad = (number) => String(number).padStart(2, "0");
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

/* New cards take turns across articles (one from each in turn, each article in bank order), so cards
   of one article that name each other's answers do not come one after another. */
export function interleaved(facts) {
  const groups = new Map();
  for (const fact of facts) {
    const source = fact.cites[0].source;
    if (!groups.has(source)) groups.set(source, []);
    groups.get(source).push(fact);
  }
  const order = [];
  const queues = Array.from(groups.values());
  for (let turn = 0; order.length < facts.length; turn += 1) {
    for (const queue of queues) if (turn < queue.length) order.push(queue[turn]);
  }
  return order;
}

export class Deck {
  constructor(facts, progress, fsrs, pairs) {
    this.facts = interleaved(facts);
    this.partners = partners(pairs);  // give-away pairs: never one right after the other
    this.previous = null;  // the fact shown last
    this.progress = progress;
    this.fsrs = fsrs;
    this.scheduler = fsrs.fsrs({ request_retention: 0.9, enable_fuzz: false });
    this.chosen = this.facts;
    this.newPerDay = NEW_PER_DAY;
    this.last = null;  // what the last answer changed, for undo
  }

  /* Keep the facts that match every filter ("" means any). */
  filter(source, kind, tag) {
    this.chosen = this.facts.filter((fact) =>
      (!source || fact.cites.some((cite) => cite.source === source)) &&
      (!kind || fact.kind === kind) &&
      (!tag || fact.tags.includes(tag)));
  }

  /* New cards first seen today (any filter, any tab: it is read from the cards themselves). */
  newToday(now) {
    const today = dayOf(now);
    let count = 0;
    for (const card of this.progress.cards.values()) if (card.first && dayOf(new Date(card.first)) === today) count += 1;
    return count;
  }

  /* The most overdue card; else a new one while today's limit allows; else a learning card due within
     20 minutes; else null, with when the next card is due and how many are due by the end of tomorrow.
     Never the give-away partner of the card shown last: when every card that could come is one, the
     card due soonest after them (or a new card past the limit) comes first, one card early. */
  next(now) {
    const time = now.getTime();
    const due = [], fresh = [], ahead = [], spare = [];
    let later = Infinity;
    for (const fact of this.chosen) {
      const card = this.progress.get(fact.id);
      if (!card) { fresh.push(fact); continue; }
      const at = Date.parse(card.due);
      if (at <= time) { due.push([at, fact]); continue; }
      if (at < later) later = at;
      if ((card.state === 1 || card.state === 3) && at <= time + LEARN_AHEAD_MS) ahead.push([at, fact]);
      else if (!this.previous || fact.id !== this.previous.id) spare.push([at, fact]);
    }
    const allowed = this.newToday(now) < this.newPerDay;
    const byDue = (list) => list.sort((one, two) => one[0] - two[0]).map(([, fact]) => fact);
    const candidates = byDue(due).concat(allowed ? fresh : [], byDue(ahead));
    const fact = candidates.length ? apart(candidates.concat(byDue(spare), allowed ? [] : fresh), this.previous,
      this.partners) : null;
    return { fact: fact, nextDue: isFinite(later) ? new Date(later) : null, limited: fresh.length > 0 && !allowed };
  }

  counts(now) {
    let due = 0, fresh = 0, seen = 0, tomorrow = 0;
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2).getTime();
    for (const fact of this.chosen) {
      const card = this.progress.get(fact.id);
      if (!card) { fresh += 1; continue; }
      seen += 1;
      const at = Date.parse(card.due);
      if (at <= now.getTime()) due += 1;
      else if (at < end) tomorrow += 1;
    }
    return { due: due, fresh: fresh, seen: seen, total: this.chosen.length, tomorrow: tomorrow,
      newPerDay: this.newPerDay, newLeft: Math.max(0, this.newPerDay - this.newToday(now)) };
  }

  cardOf(fact) { return this.progress.get(fact.id) || this.fsrs.createEmptyCard(); }

  /* When each rating would bring the card back, for the buttons ("10 min", "3 d"); null if it cannot tell. */
  preview(fact, now) {
    try {
      const outcomes = this.scheduler.repeat(this.cardOf(fact), now);
      const waits = {};
      for (const rating of Object.keys(RATINGS)) waits[rating] = wait(outcomes[rating].card.due, now);
      return waits;
    } catch (error) {
      return null;
    }
  }

  /* Schedule the answer and save it at once; false when the browser did not keep it. A card the scheduler
     cannot use starts again as new rather than blocking the study. */
  rate(fact, rating, now) {
    const before = this.progress.get(fact.id);
    let result;
    try {
      result = this.scheduler.next(this.cardOf(fact), now, Number(rating));
    } catch (error) {
      result = this.scheduler.next(this.fsrs.createEmptyCard(now), now, Number(rating));
    }
    const first = before && before.first ? before.first : now.toISOString();
    const after = record(result.card, first);
    const saved = this.progress.put(fact.id, after);
    this.last = saved ? { fact: fact, card: before, after: after, day: dayOf(now) } : null;
    if (saved) this.progress.countAnswer(dayOf(now), 1);
    return saved;
  }

  /* The rating a right multiple-choice answer counts as: Good while the card is new or still
     learning (Hard there would repeat the same step for ever), Hard once it is in review
     (recognising is easier than recalling). */
  choiceRating(fact) {
    const card = this.progress.get(fact.id);
    return card && card.state === REVIEW ? 2 : 3;
  }

  /* Take back the last answer: the fact gets its earlier card (or none) and comes up again; not
     when another tab has answered that card since (its answer is not this tab's to take back). */
  undo() {
    const last = this.last;
    if (!last || !this.progress.restore(last.fact.id, last.card, last.after)) return null;
    this.last = null;
    this.progress.countAnswer(last.day, -1);
    return last.fact;
  }
}

export function wait(due, now) {
  const minutes = Math.max(1, Math.round((new Date(due).getTime() - now.getTime()) / 60000));
  if (minutes < 60) return minutes + " min";
  if (minutes < 60 * 24) return Math.round(minutes / 60) + " h";
  const days = Math.round(minutes / (60 * 24));
  return days < 60 ? days + " d" : Math.round(days / 30) + " mo";
}

/* The options of a multiple-choice question in an order drawn afresh at each review (seeded by the fact
   and its number of reviews, so a reload shows the same order): position is never what is learned. */
export function shuffled(options, seed) {
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const order = options.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}
