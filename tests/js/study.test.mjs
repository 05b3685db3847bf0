// Unit tests of the study page's pure logic under Node's test runner: progress records, the queue, undo.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import test from "node:test";

import { Progress, checkCard, MAX_IMPORT_CARDS } from "../../templates/web/progress.mjs";
import { memoryStorage } from "../../templates/web/storage.mjs";
import { Deck, LEARN_AHEAD_MS, NEW_PER_DAY, dayOf, interleaved, shuffled, wait } from "../../templates/web/cards.mjs";

const FSRS = createRequire(import.meta.url)("../../templates/web/vendor/ts-fsrs-5.4.2.umd.js");
const NOW = new Date("2026-12-07T10:00:00Z");
const MINUTE = 60000;
const fact = (id) => ({ id: id, cites: [{ source: "s" }], kind: "year", tags: [] });
const FACTS = ["alpha", "beta", "gamma", "constructor", "hasownproperty"].map(fact);
const IDS = FACTS.map((item) => item.id);
const open = (storage, now = NOW) => new Progress("d", storage, FSRS.fsrs(), IDS, now);
const good = { due: "2026-12-08T10:00:00.000Z", stability: 3, difficulty: 5, elapsed_days: 0, scheduled_days: 1,
  learning_steps: 0, reps: 2, lapses: 0, state: 2, last_review: "2026-12-07T09:00:00.000Z" };
const file = (cards, deck = "d") => JSON.stringify({ format: "quizgen-progress", version: 2, deck: deck, cards: cards });

test("a card ts-fsrs can schedule passes; each field out of its range is named", () => {
  assert.ok(checkCard(good, NOW, FSRS.fsrs()).card);
  const broken = { state: 99, reps: -1, lapses: 0.5, stability: -5, difficulty: 1e308, due: "garbage",
    last_review: { at: 1 }, learning_steps: "x" };
  for (const [field, value] of Object.entries(broken)) {
    const result = checkCard({ ...good, [field]: value }, NOW, FSRS.fsrs());
    assert.ok(result.problem, field + " = " + JSON.stringify(value) + " should be refused");
  }
  for (const raw of [null, [], "card", 3]) assert.ok(checkCard(raw, NOW, FSRS.fsrs()).problem);
});

test("a last review in the future (a clock that ran fast) is moved to now and the card then schedules", () => {
  const skewed = { ...good, last_review: new Date(NOW.getTime() + 2 * 86400000).toISOString() };
  assert.throws(() => FSRS.fsrs().repeat(skewed, NOW));  // what froze the page before
  const checked = checkCard(skewed, NOW, FSRS.fsrs()).card;
  assert.equal(checked.last_review, NOW.toISOString());
  assert.doesNotThrow(() => FSRS.fsrs().repeat(checked, NOW));
});

test("each fact is its own record: two tabs answering different cards keep both answers", () => {
  const storage = memoryStorage();
  const tabA = open(storage), tabB = open(storage);
  const deckA = new Deck(FACTS, tabA, FSRS), deckB = new Deck(FACTS, tabB, FSRS);
  for (const id of ["alpha", "beta", "gamma"]) assert.ok(deckA.rate(fact(id), 3, NOW));
  assert.ok(deckB.rate(fact("constructor"), 3, NOW));
  assert.deepEqual(Array.from(open(storage).cards.keys()).sort(), ["alpha", "beta", "constructor", "gamma"]);
});

test("an id named constructor is a fact like any other (no prototype lookup)", () => {
  const progress = open(memoryStorage());
  assert.equal(progress.get("constructor"), null);
  assert.equal(progress.get("hasownproperty"), null);
  assert.equal(new Deck(FACTS, progress, FSRS).counts(NOW).fresh, FACTS.length);
});

test("a damaged record is set aside alone, kept as it was, and copied before it is replaced", () => {
  const storage = memoryStorage();
  storage.setItem("quizgen:d:card:alpha", JSON.stringify(good));
  storage.setItem("quizgen:d:card:beta", JSON.stringify({ ...good, due: "garbage" }));
  const progress = open(storage);
  assert.deepEqual(Array.from(progress.cards.keys()), ["alpha"]);
  assert.match(progress.damaged.get("beta"), /due date/);
  new Deck(FACTS, progress, FSRS).rate(fact("beta"), 3, NOW);
  assert.equal(JSON.parse(storage.getItem("quizgen:d:damaged:beta")).due, "garbage");
  assert.ok(open(storage).get("alpha") && open(storage).get("beta"));
});

test("an import keeps what is newer, refuses the damaged card, keeps unknown ids apart", () => {
  const storage = memoryStorage();
  const progress = open(storage);
  const older = { ...good, last_review: "2026-12-01T09:00:00.000Z" };
  progress.put("beta", good);
  const result = progress.merge(file({ alpha: good, beta: older, gamma: { ...good, state: 99 }, elsewhere: good,
    "__proto__": good }), NOW);
  assert.deepEqual(result.taken, ["alpha"]);
  assert.deepEqual(result.older, ["beta"]);
  assert.deepEqual(result.damaged.map(([id]) => id), ["gamma"]);
  assert.deepEqual(result.unknown.sort(), ["__proto__", "elsewhere"].filter((id) => /^[a-z]/.test(id)));
  assert.equal(progress.get("gamma"), null);
  assert.equal(new Deck(FACTS, progress, FSRS).counts(NOW).seen, 2);  // unknown ids are not counted
  assert.ok(progress.document().other_ids.elsewhere);
});

test("imports of another deck, too many cards or not progress at all are refused whole", () => {
  const progress = open(memoryStorage());
  assert.throws(() => progress.merge(file({ alpha: good }, "other"), NOW), /another deck \('other'\)/);
  const many = {};
  for (let index = 0; index <= MAX_IMPORT_CARDS; index += 1) many["id-" + index] = good;
  assert.throws(() => progress.merge(file(many), NOW), /more than 5000/);
  assert.throws(() => progress.merge("this is { not json", NOW), /not JSON/);
  assert.throws(() => progress.merge(JSON.stringify({ format: "quizgen-progress", deck: "d", cards: [good] }), NOW), /not a list by id/);
  assert.equal(progress.cards.size, 0);
});

test("when storage is full an import changes nothing and an answer reports that it was not saved", () => {
  const storage = memoryStorage(700);
  const progress = open(storage);
  progress.put("alpha", good);
  const cards = { beta: good, gamma: good, constructor: good, hasownproperty: good };
  assert.throws(() => progress.merge(file(cards), NOW), /storage is full/);
  assert.deepEqual(Array.from(open(storage).cards.keys()), ["alpha"]);
  storage.setItem("filler", "x".repeat(700 - storage.getItem("quizgen:d:card:alpha").length - 10));
  assert.equal(new Deck(FACTS, progress, FSRS).rate(fact("beta"), 3, NOW), false);
  assert.match(progress.problem, /could not be saved/);
  assert.equal(progress.get("beta"), null);
});

test("progress of the single-record version 1 moves to one record per fact", () => {
  const storage = memoryStorage();
  storage.setItem("quizgen:d:progress", JSON.stringify({ format: "quizgen-progress", version: 1, deck: "d",
    cards: { alpha: good, beta: { due: "soon" } } }));
  const progress = open(storage);
  assert.deepEqual(Array.from(progress.cards.keys()), ["alpha"]);
  assert.equal(storage.getItem("quizgen:d:progress"), null);
  assert.ok(storage.getItem("quizgen:d:backup:version-1").includes("soon"));
  // the card that could not be moved is named (the notice lists setAside) and its copy is exported
  assert.match(progress.setAside.get("beta"), /its state is not/);
  const exported = progress.document().damaged;
  assert.deepEqual(JSON.parse(exported["damaged:beta"]), { due: "soon" });
  assert.ok(exported["backup:version-1"].includes("soon"));
  assert.equal(open(storage).setAside.size, 0);  // moved once: the next load has nothing to say
});

test("records of ids the page does not know: the most recently reviewed twice the bank's size stay, the rest go", () => {
  const storage = memoryStorage();
  const limit = 2 * IDS.length;
  storage.setItem("quizgen:d:card:alpha", JSON.stringify(good));
  for (let index = 0; index < limit + 7; index += 1) {
    const day = String(1 + (index % 28)).padStart(2, "0");
    storage.setItem("quizgen:d:card:other-" + index, JSON.stringify({ ...good, last_review: "2026-11-" + day + "T09:00:00.000Z" }));
  }
  storage.setItem("quizgen:d:card:junk", "not json");
  const progress = open(storage);
  assert.equal(progress.pruned, 8);
  const left = Object.keys(progress.document().other_ids);
  assert.equal(left.length, limit);
  const reviewedOn = (id) => Number(id.slice(6)) % 28;
  const lowest = Math.min(...left.map(reviewedOn));
  const gone = Array.from({ length: limit + 7 }, (_, index) => "other-" + index).filter((id) => !left.includes(id));
  for (const id of gone) assert.ok(reviewedOn(id) <= lowest, id + " was more recent than one kept");
  assert.ok(progress.get("alpha"));  // the bank's own cards are never touched
  assert.equal(open(storage).pruned, 0);
  // an import adds unknown ids only up to the same limit, and says how many it left out
  const fresh = {};
  for (let index = 0; index < 5; index += 1) fresh["newer-" + index] = good;
  const result = progress.merge(file(fresh), NOW);
  assert.equal(result.unknown.length, 0);
  assert.equal(result.unknownLeft.length, 5);
});

test("ts-fsrs learning steps: Again 1 min, Hard 6 min, Good 10 min; Easy goes days ahead", () => {
  for (const [rating, minutes] of [[1, 1], [2, 6], [3, 10]]) {
    const deck = new Deck(FACTS, open(memoryStorage()), FSRS);
    deck.rate(fact("alpha"), rating, NOW);
    assert.equal((Date.parse(deck.progress.get("alpha").due) - NOW.getTime()) / MINUTE, minutes);
  }
  assert.equal(wait(new Date(NOW.getTime() + 10 * MINUTE), NOW), "10 min");
  assert.equal(wait(new Date(NOW.getTime() + 3 * 86400000), NOW), "3 d");
});

test("undo gives the fact back its earlier card (or none) and shows it again", () => {
  const deck = new Deck(FACTS, open(memoryStorage()), FSRS);
  deck.rate(fact("alpha"), 3, NOW);
  const after = deck.progress.get("alpha");
  deck.rate(fact("alpha"), 1, new Date(NOW.getTime() + 11 * MINUTE));
  assert.equal(deck.undo().id, "alpha");
  assert.deepEqual(deck.progress.get("alpha"), after);
  assert.equal(deck.undo(), null);  // one step only
});

test("new cards stop at the daily limit; learning cards due within 20 min come early; nothing else", () => {
  const facts = Array.from({ length: NEW_PER_DAY + 3 }, (_, index) => fact("f" + index));
  const progress = new Progress("d", memoryStorage(), FSRS.fsrs(), facts.map((item) => item.id), NOW);
  const deck = new Deck(facts, progress, FSRS);
  for (let index = 0; index < NEW_PER_DAY; index += 1) {
    const pick = deck.next(NOW);
    assert.equal(pick.fact.id, "f" + index);
    deck.rate(pick.fact, 3, NOW);  // due in 10 min
  }
  const pick = deck.next(NOW);
  assert.equal(pick.limited, true);
  assert.equal(pick.fact.id, "f0");  // learn-ahead: due in 10 min, within 20
  assert.ok(10 * MINUTE < LEARN_AHEAD_MS);
  const easy = new Deck(facts, new Progress("d", memoryStorage(), FSRS.fsrs(), ["f0"], NOW), FSRS);
  easy.chosen = [facts[0]];
  easy.rate(facts[0], 4, NOW);  // days away
  assert.equal(easy.next(NOW).fact, null);
  assert.equal(easy.counts(NOW).tomorrow, 0);
  assert.equal(deck.next(new Date(NOW.getTime() + 86400000)).fact.id, "f0");  // the next day: due first
  assert.equal(dayOf(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
});

test("options are a permutation, drawn afresh per review, the answer in every place about equally often", () => {
  for (let length = 1; length <= 6; length += 1) {
    for (let reps = 0; reps < 50; reps += 1) {
      const order = shuffled(Array(length).fill("x"), "fact/" + reps);
      assert.deepEqual([...order].sort(), Array.from({ length: length }, (_, index) => index));
    }
  }
  const places = [0, 0, 0, 0];
  const orders = new Set();
  for (let reps = 0; reps < 4000; reps += 1) {
    const order = shuffled(["a", "b", "c", "d"], "some-fact/" + reps);
    places[order.indexOf(0)] += 1;
    if (reps < 24) orders.add(order.join(""));
  }
  for (const count of places) assert.ok(count > 850 && count < 1150, String(places));
  assert.ok(orders.size >= 8, "only " + orders.size + " orders in 24 reviews");
});

test("typed answers: right only for a key the build listed, whatever the case, accents, separators or article", async () => {
  const { judge, normalise } = await import("../../templates/web/typed.mjs");
  const leader = { a: "Jens Stoltenberg", typed: ["jens stoltenberg", "stoltenberg"] };  // as typed.py lists them
  for (const typed of ["jens stoltenberg", "  JENS  STOLTENBERG. ", "Stoltenberg", "the Stoltenberg", "Jens-Stoltenberg!"]) {
    assert.equal(judge(typed, leader).right, true, typed);
  }
  for (const typed of ["Stoltenburg", "Jens", "", "not Stoltenberg", "Stoltenberg, Lavrov", "Jens Stoltenberg Jr"]) {
    assert.equal(judge(typed, leader).right, false, typed);
  }
  assert.equal(judge("Cenușa", { a: "Dionis Cenuşa", typed: ["cenusa", "dionis cenusa"] }).right, true);  // ș vs ş
  assert.equal(judge("53", { a: "53%", typed: ["53 %"] }).right, false);  // a sign is a word: not dropped
  assert.equal(normalise("NATO'S Euro-Atlantic"), "nato s euro atlantic");  // the terminal keeps an upper-case 'S
  assert.equal(normalise("NATO's Euro-Atlantic"), "nato euro atlantic");
  assert.equal(normalise("U.S. & the E.U."), "us & the eu");
  // over many random answers: each key matches itself in any case and spacing, never itself plus a word
  const letters = "abcdeéfghijklmnoöpqrstuüvwxyz0123456789 -";
  let seed = 7;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let run = 0; run < 2000; run += 1) {
    const length = 1 + Math.floor(random() * 20);
    const answer = Array.from({ length: length }, () => letters[Math.floor(random() * letters.length)]).join("");
    if (!normalise(answer)) continue;
    const item = { a: answer, typed: [normalise(answer)] };
    assert.equal(judge(answer.toUpperCase() + ". ", item).right, true, answer);
    assert.equal(judge(answer + " extra", item).right, false, answer);
  }
});

test("new cards take turns across articles, each article keeping its own order", () => {
  for (let run = 0; run < 200; run += 1) {
    const facts = Array.from({ length: 1 + (run * 7) % 40 }, (_, index) =>
      ({ id: "f" + index, cites: [{ source: "s" + ((index * 31 + run) % (1 + run % 5)) }] }));
    const order = interleaved(facts);
    assert.deepEqual(order.map((item) => item.id).sort(), facts.map((item) => item.id).sort());
    const sources = new Set(facts.map((item) => item.cites[0].source));
    for (const source of sources) {
      const mine = (list) => list.filter((item) => item.cites[0].source === source).map((item) => item.id);
      assert.deepEqual(mine(order), mine(facts));
    }
    // while two articles still have new cards, no two of the same article come one after the other
    for (let index = 1; index < order.length; index += 1) {
      const left = new Set(order.slice(index - 1).map((item) => item.cites[0].source));
      if (left.size > 1) assert.notEqual(order[index].cites[0].source, order[index - 1].cites[0].source);
    }
  }
});

test("a test draws each chosen card at most once, ten at most", async () => {
  const { drawTest, TEST_SIZE } = await import("../../templates/web/exam.mjs");
  for (let count = 0; count < 30; count += 1) {
    const facts = Array.from({ length: count }, (_, index) => fact("f" + index));
    const drawn = drawTest(facts, TEST_SIZE, "seed/" + count);
    assert.equal(drawn.length, Math.min(count, TEST_SIZE));
    assert.equal(new Set(drawn.map((item) => item.id)).size, drawn.length);
    for (const item of drawn) assert.ok(facts.includes(item));
  }
});

test("a right choice moves a new card on through learning into review (Good), Hard only in review", () => {
  const deck = new Deck(FACTS, open(memoryStorage()), FSRS);
  let now = NOW;
  assert.equal(deck.choiceRating(fact("alpha")), 3);
  for (let step = 0; step < 4 && deck.progress.get("alpha")?.state !== 2; step++) {
    deck.rate(fact("alpha"), deck.choiceRating(fact("alpha")), now);
    now = new Date(Date.parse(deck.progress.get("alpha").due) + MINUTE);
  }
  assert.equal(deck.progress.get("alpha").state, 2);  // in review after a few right choices
  assert.equal(deck.choiceRating(fact("alpha")), 2);
});

test("undo takes back only what this tab wrote: another tab's later answer stays", () => {
  const storage = memoryStorage();
  const deckA = new Deck(FACTS, open(storage), FSRS), deckB = new Deck(FACTS, open(storage), FSRS);
  deckA.rate(fact("alpha"), 3, NOW);
  deckB.rate(fact("alpha"), 1, new Date(NOW.getTime() + MINUTE));
  const theirs = storage.getItem("quizgen:d:card:alpha");
  assert.equal(deckA.undo(), null);
  assert.equal(storage.getItem("quizgen:d:card:alpha"), theirs);
  assert.equal(deckB.undo().id, "alpha");  // the tab that wrote it last may take it back
});

test("a test's ordering and matching come only from the chosen cards, never sharing a card", async () => {
  const { matchingOf, orderingOf } = await import("../../templates/web/exam.mjs");
  const card = (id, source) => ({ id: id, cites: [{ source: source }] });
  const facts = ["a", "b", "c", "d", "e", "f"].map((id) => card(id, id < "d" ? "s1" : "s2"));
  const orderings = [{ prompt: "Order", items: ["A", "B", "X"], ids: ["a", "b", "x"], order: [0, 1, 2], dates: ["1", "2", "3"] },
    { prompt: "Order", items: ["A", "B", "C"], ids: ["a", "b", "c"], order: [2, 0, 1], dates: ["2002", "2003", "2001"] }];
  for (let seed = 0; seed < 50; seed += 1) {
    const order = orderingOf(orderings, facts, "s" + seed);
    assert.deepEqual(order.ids, ["a", "b", "c"]);  // the other holds a card not chosen
    assert.equal(order.expected, "1. C (2001); 2. A (2002); 3. B (2003)");
    assert.deepEqual(order.fact.cites, [{ source: "s1" }]);
  }
  assert.equal(orderingOf(orderings, facts.slice(3), "s"), null);
  const matchings = [{ prompt: "Match", left_title: "Person", right_title: "Role", left: ["A", "D"],
    right: ["r1", "r2", "spare"], pairs: [1, 0], ids: ["a", "d"] },
  { prompt: "Match", left_title: "Person", right_title: "Role", left: ["E", "F"], right: ["r3", "r4"], pairs: [0, 1], ids: ["e", "f"] }];
  for (let seed = 0; seed < 50; seed += 1) {
    assert.deepEqual(matchingOf(matchings, facts, new Set(["a", "b", "c"]), "s" + seed).ids, ["e", "f"]);
  }
  assert.equal(matchingOf(matchings, facts, new Set(["a", "b", "c"]), "s").expected, "E – r3; F – r4");
  assert.equal(matchingOf(matchings, facts, new Set(["a", "e"]), "s"), null);
});

test("remembered counts learned cards only: answers to cards still in learning are not remembering", async () => {
  const { stats } = await import("../../templates/web/stats.mjs");
  const now = new Date(2026, 11, 7, 12);
  const facts = ["a", "b", "c"].map((id) => ({ id, cites: [{ source: "000" }] }));
  const card = (state) => ({ state, reps: 5, lapses: 0, scheduled_days: 1, due: now.toISOString() });
  const learning = new Map([["a", card(1)], ["b", card(1)]]);  // five Again each, never reviewed
  assert.equal(stats(facts, { "000": {} }, learning, {}, now).remembered, null);
  const mixed = new Map([["a", card(2)], ["b", card(3)], ["c", card(1)]]);  // one relearning of two learned
  assert.equal(stats(facts, { "000": {} }, mixed, {}, now).remembered, 50);
});
