/* Progress: one localStorage record per fact, each checked against ts-fsrs on its own, merged per card. */

import { migrate } from "./legacy.mjs";

export const PROGRESS_FORMAT = "quizgen-progress";
const KNOWN_VERSIONS = [1, 2];  // 1 written by `quizgen progress export`, 2 by this page; no version: 1
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;  // 238 cards export to about 60 KB
export const MAX_IMPORT_CARDS = 5000;
/* Records of ids this page does not know (cards of a newer or older build of the deck) are kept for
   that build, up to twice the bank's size, the most recently reviewed first; beyond, they go. */
export const apartLimit = (ids) => 2 * ids.size;
const MAX_STABILITY = 36500;  // ts-fsrs' own ceiling: a hundred years
const ID = /^[a-z0-9][a-z0-9-]{0,199}$/;  // the bank's fact id rule (a lowercase slug)
const NUMBERS = ["elapsed_days", "scheduled_days", "learning_steps"];

const whole = (value) => Number.isInteger(value) && value >= 0;
const dateOf = (value) => (typeof value === "string" && /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : NaN);

/* A stored or imported card as ts-fsrs needs it: {card} or {problem}. A future last review (a clock
   that ran fast) is moved to now; then ts-fsrs itself must be able to schedule it. */
export function checkCard(raw, now, scheduler) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { problem: "it is not a card" };
  if (![0, 1, 2, 3].includes(raw.state)) return { problem: "its state is not 0, 1, 2 or 3" };
  if (!whole(raw.reps) || !whole(raw.lapses)) return { problem: "its reps or lapses are not whole numbers" };
  const fresh = raw.state === 0;
  const { stability, difficulty } = raw;
  if (typeof stability !== "number" || !(fresh ? stability >= 0 : stability > 0) || stability > MAX_STABILITY) {
    return { problem: "its stability is out of range" };
  }
  if (typeof difficulty !== "number" || !(fresh ? difficulty >= 0 : difficulty >= 1) || difficulty > 10) {
    return { problem: "its difficulty is not between 1 and 10" };
  }
  const card = { state: raw.state, reps: raw.reps, lapses: raw.lapses, stability: stability, difficulty: difficulty };
  for (const field of NUMBERS) {
    const value = raw[field] === undefined ? 0 : raw[field];
    if (typeof value !== "number" || !(value >= 0) || !isFinite(value)) return { problem: "its " + field + " is not a number ≥ 0" };
    card[field] = value;
  }
  const due = dateOf(raw.due);
  if (!isFinite(due)) return { problem: "its due date is not a date" };
  card.due = new Date(due).toISOString();
  if (raw.last_review !== undefined && raw.last_review !== null) {
    const seen = dateOf(raw.last_review);
    if (!isFinite(seen)) return { problem: "its last review is not a date" };
    card.last_review = new Date(Math.min(seen, now.getTime())).toISOString();
  }
  if (raw.first !== undefined) {
    if (!isFinite(dateOf(raw.first))) return { problem: "its first review is not a date" };
    card.first = raw.first;
  }
  try {
    scheduler.repeat(card, now);  // the real oracle: what ts-fsrs accepts
  } catch (error) {
    return { problem: "the scheduler cannot use it (" + error.message + ")" };
  }
  return { card: card };
}

const parsedOrText = (text) => { try { return JSON.parse(text); } catch (error) { return text; } };

export const reviewed = (card) => (card.last_review ? Date.parse(card.last_review) : 0);

/* When a stored record was last reviewed, for keeping the most recent (0 when it cannot tell). */
function lastReviewOf(text) {
  try {
    const seen = dateOf(JSON.parse(text).last_review);
    return isFinite(seen) ? seen : 0;
  } catch (error) {
    return 0;
  }
}

/* A card from ts-fsrs as a record: dates as ISO strings, only the fields we keep. */
export function record(card, first) {
  const copy = {};
  for (const field of ["due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps",
    "reps", "lapses", "state", "last_review"]) {
    const value = card[field];
    if (value !== undefined && value !== null) copy[field] = value instanceof Date ? value.toISOString() : value;
  }
  if (first) copy.first = first;
  return copy;
}

export class Progress {
  constructor(deck, storage, scheduler, ids, now) {
    this.deck = deck;
    this.storage = storage;
    this.scheduler = scheduler;
    this.ids = new Set(ids);
    this.prefix = "quizgen:" + deck + ":card:";
    this.cards = new Map();    // fact id -> checked card: a Map, so no id can be "constructor" by accident
    this.damaged = new Map();  // fact id -> why its record was set aside (the record stays as it is)
    this.setAside = new Map(); // every record set aside since the page opened, for the notice
    this.problem = null;       // the last save that failed, shown at once
    this.pruned = 0;           // records of ids this page does not know removed on load (beyond the cap)
    migrate(this, now);
    this.prune(now);
    this.load(now);
  }

  get(id) { return this.cards.get(id) || null; }

  /* A stored or imported record for `id`, checked: {card} or {problem}. */
  check(id, raw, now) {
    return ID.test(id) ? checkCard(raw, now, this.scheduler) : { problem: "its id is not a fact id" };
  }

  keys() {
    const keys = [];
    for (let index = 0; index < this.storage.length; index += 1) keys.push(this.storage.key(index));
    return keys;
  }

  /* The ids of other builds kept apart in storage: [id, stored text]. */
  apart() {
    const found = [];
    for (const key of this.keys()) {
      const id = key.startsWith(this.prefix) ? key.slice(this.prefix.length) : null;
      if (id !== null && !this.ids.has(id)) found.push([id, this.storage.getItem(key)]);
    }
    return found;
  }

  /* Keep at most apartLimit() records of unknown ids, the most recently reviewed; remove the rest
     (an import of thousands of unknown ids would otherwise fill the storage for good). */
  prune() {
    const apart = this.apart();
    const limit = apartLimit(this.ids);
    if (apart.length <= limit) return;
    apart.sort((one, two) => lastReviewOf(two[1]) - lastReviewOf(one[1]) || (one[0] < two[0] ? -1 : 1));
    for (const [id] of apart.slice(limit)) {
      try { this.storage.removeItem(this.prefix + id); this.pruned += 1; } catch (error) { return; }
    }
  }

  load(now) {
    this.cards.clear();
    this.damaged.clear();
    for (const key of this.keys()) if (key.startsWith(this.prefix)) this.reread(key.slice(this.prefix.length), now);
  }

  /* Read one fact's record again (after another tab wrote it); a bad record is set aside alone. */
  reread(id, now) {
    this.cards.delete(id);
    this.damaged.delete(id);
    let text = null;
    try { text = this.storage.getItem(this.prefix + id); } catch (error) { return; }
    if (text === null || !this.ids.has(id)) return;  // ids of other page versions stay stored, apart
    let parsed;
    try { parsed = JSON.parse(text); } catch (error) { parsed = null; }
    const checked = checkCard(parsed, now, this.scheduler);
    if (checked.card) this.cards.set(id, checked.card);
    else {
      this.damaged.set(id, checked.problem);
      this.setAside.set(id, checked.problem);
    }
  }

  /* Save one fact's new card; a damaged record it replaces is copied aside first. True when saved. */
  put(id, card) {
    const key = this.prefix + id;
    try {
      if (this.damaged.has(id)) this.storage.setItem("quizgen:" + this.deck + ":damaged:" + id, this.storage.getItem(key));
      this.storage.setItem(key, JSON.stringify(card));
    } catch (error) {
      this.problem = "Your last answer could not be saved in this browser (" + error.message +
        "). Export your progress to keep it.";
      return false;
    }
    this.cards.set(id, card);
    this.damaged.delete(id);
    this.problem = null;
    return true;
  }

  /* Put back what a fact had before (undo): its earlier card, or nothing; only while the stored
     record is still `expected`, the one this tab wrote (another tab may have answered since). */
  restore(id, card, expected) {
    try {
      if (expected && this.storage.getItem(this.prefix + id) !== JSON.stringify(expected)) return false;
    } catch (error) { return false; }
    if (card) return this.put(id, card);
    try { this.storage.removeItem(this.prefix + id); } catch (error) { return false; }
    this.cards.delete(id);
    return true;
  }

  /* Answers per day ("2026-12-07": 31), for the streak and the statistics: read, add, write. */
  days() {
    const days = {};
    try {
      const saved = JSON.parse(this.storage.getItem("quizgen:" + this.deck + ":days") || "{}");
      for (const [day, count] of Object.entries(saved)) if (/^\d{4}-\d\d-\d\d$/.test(day) && whole(count)) days[day] = count;
    } catch (error) { /* unreadable statistics start again; progress is not touched */ }
    return days;
  }

  countAnswer(day, step) {
    const days = this.days();
    days[day] = Math.max(0, (days[day] || 0) + step);
    try { this.storage.setItem("quizgen:" + this.deck + ":days", JSON.stringify(days)); } catch (error) { /* statistics only */ }
  }

  clear() {
    const mine = "quizgen:" + this.deck + ":";
    for (const key of this.keys()) if (key.startsWith(mine)) this.storage.removeItem(key);
    this.cards.clear();
    this.damaged.clear();
  }

  /* Every record kept for this deck: the bank's cards, other ids kept apart, damaged records and the
     version-1 backup as text. */
  document() {
    const cards = {}, apart = {}, damaged = {};
    const mine = "quizgen:" + this.deck + ":";
    for (const key of this.keys().sort()) {
      if (!key.startsWith(mine)) continue;
      const text = this.storage.getItem(key);
      if (key.startsWith(this.prefix)) {
        const id = key.slice(this.prefix.length);
        if (this.cards.has(id)) cards[id] = this.cards.get(id);
        else if (this.damaged.has(id)) damaged[id] = text;
        else apart[id] = parsedOrText(text);
      } else if (key.startsWith(mine + "damaged:") || key.startsWith(mine + "backup:")) {
        damaged[key.slice(mine.length)] = text;  // copies set aside, and the version-1 record moved
      }
    }
    const result = { format: PROGRESS_FORMAT, version: 2, deck: this.deck, cards: cards };
    if (Object.keys(apart).length) result.other_ids = apart;
    if (Object.keys(damaged).length) result.damaged = damaged;
    return result;
  }

  /* Merge an exported file card by card: the more recent review wins; an error says why nothing was kept. */
  merge(text, now) {
    if (text.length > MAX_IMPORT_BYTES) throw new Error("the file is larger than 2 MB, too large for a progress file");
    let parsed;
    try { parsed = JSON.parse(text); } catch (error) { throw new Error("this file is not JSON"); }
    if (!parsed || typeof parsed !== "object" || parsed.format !== PROGRESS_FORMAT) {
      throw new Error("this is not a quizgen progress file");
    }
    const version = parsed.version === undefined ? 1 : parsed.version;
    if (Number.isInteger(version) && version > Math.max(...KNOWN_VERSIONS)) {
      throw new Error("this file was written by a newer quizgen (progress format version " + version +
        "); build the page with it to import the file");
    }
    if (!KNOWN_VERSIONS.includes(version)) {
      throw new Error("this is not a quizgen progress file (its version is not " + KNOWN_VERSIONS.join(" or ") + ")");
    }
    if (parsed.deck !== this.deck) {
      throw new Error("this file holds the progress of another deck ('" + String(parsed.deck) + "'), not of '" +
        this.deck + "'");
    }
    const cards = parsed.cards;
    if (!cards || typeof cards !== "object" || Array.isArray(cards)) throw new Error("its cards are not a list by id");
    const entries = Object.entries(cards).concat(Object.entries(parsed.other_ids || {}));
    if (entries.length > MAX_IMPORT_CARDS) throw new Error("it holds " + entries.length + " cards, more than 5000");
    const result = { taken: [], older: [], damaged: [], unknown: [], unknownLeft: [] };
    const writes = new Map();
    const stored = new Set(this.apart().map(([id]) => id));
    let room = apartLimit(this.ids) - stored.size;
    for (const [id, raw] of entries) {
      const checked = this.check(id, raw, now);
      if (!checked.card) { result.damaged.push([id, checked.problem]); continue; }
      if (!this.ids.has(id)) {
        if (!stored.has(id) && room <= 0) { result.unknownLeft.push(id); continue; }
        if (!stored.has(id)) room -= 1;
        result.unknown.push(id);
        writes.set(id, checked.card);
        continue;
      }
      this.reread(id, now);  // another tab may have answered it since
      const mine = this.cards.get(id);
      if (mine && reviewed(mine) >= reviewed(checked.card)) { result.older.push(id); continue; }
      result.taken.push(id);
      writes.set(id, checked.card);
    }
    this.writeAll(writes, now);
    return result;
  }

  /* All or nothing: when one write fails (storage full), every record written is put back. */
  writeAll(writes, now) {
    const before = new Map();
    try {
      for (const [id, card] of writes) {
        before.set(id, this.storage.getItem(this.prefix + id));
        if (this.damaged.has(id)) this.storage.setItem("quizgen:" + this.deck + ":damaged:" + id, before.get(id));
        this.storage.setItem(this.prefix + id, JSON.stringify(card));
      }
    } catch (error) {
      for (const [id, text] of before) {
        if (text === null) this.storage.removeItem(this.prefix + id);
        else this.storage.setItem(this.prefix + id, text);
      }
      this.load(now);
      throw new Error("nothing was imported: the browser's storage is full (" + error.message + ")");
    }
    for (const id of writes.keys()) this.reread(id, now);
  }
}
