// Give-away pairs are never shown back to back: the ordering functions over random pair graphs and,
// when QUIZGEN_PAGE_DATA names a page's data (tests/test_web_giveaways.py writes the bundled bank's),
// over that bank's own pairs in study sessions, tests and card orders of many seeds.
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import test from "node:test";

import { apart, paired, partners, spaced } from "../../templates/web/apart.mjs";
import { Deck } from "../../templates/web/cards.mjs";
import { drawTest } from "../../templates/web/exam.mjs";
import { Progress } from "../../templates/web/progress.mjs";
import { memoryStorage } from "../../templates/web/storage.mjs";

const FSRS = createRequire(import.meta.url)("../../templates/web/vendor/ts-fsrs-5.4.2.umd.js");
const MINUTE = 60000;

function randomOf(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function permuted(items, random) {
  const copy = items.slice();
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const neighbours = (order, lookup) => order.slice(1).filter((fact, place) => paired(lookup, fact, order[place])).length;

/* Whether some order of `facts` has no neighbouring pair (every order tried: small sets only). */
function arrangeable(facts, lookup) {
  const walk = (order, left) => !left.length || left.some((fact, index) =>
    (!order.length || !paired(lookup, fact, order[order.length - 1])) &&
    walk(order.concat([fact]), left.slice(0, index).concat(left.slice(index + 1))));
  return walk([], facts);
}

function checkSpaced(facts, lookup, label) {
  const order = spaced(facts, lookup);
  assert.deepEqual(order.map((fact) => fact.id).sort(), facts.map((fact) => fact.id).sort(), label);
  if (neighbours(order, lookup)) {
    assert.ok(facts.length <= 8, label + ": a pair back to back in " + facts.length + " facts");
    assert.equal(arrangeable(facts, lookup), false, label + ": an order without neighbouring pairs exists");
  }
}

test("spaced: a permutation with no neighbouring pair whenever one exists (random graphs, every small set)", () => {
  for (let seed = 1; seed <= 400; seed += 1) {
    const random = randomOf(seed);
    const size = 2 + Math.floor(random() * 7);
    const facts = Array.from({ length: size }, (_, index) => ({ id: "f" + index }));
    const pairs = [];
    for (let one = 0; one < size; one += 1) {
      for (let two = one + 1; two < size; two += 1) if (random() < 0.35) pairs.push(["f" + one, "f" + two]);
    }
    checkSpaced(facts, partners(pairs), "seed " + seed);
  }
});

test("apart: the first candidate not paired with the previous card; a paired one only when all are", () => {
  const lookup = partners([["a", "b"], ["a", "c"]]);
  const [a, b, c, d] = ["a", "b", "c", "d"].map((id) => ({ id: id }));
  assert.equal(apart([b, c, d], a, lookup), d);
  assert.equal(apart([b, d, c], a, lookup), d);
  assert.equal(apart([b, c], a, lookup), b);  // nothing else could come
  assert.equal(apart([b, c], null, lookup), b);
  assert.equal(apart([], a, lookup), null);
  assert.equal(apart([c], d, lookup), c);
});

const data = process.env.QUIZGEN_PAGE_DATA ? JSON.parse(fs.readFileSync(process.env.QUIZGEN_PAGE_DATA, "utf8")) : null;
const skip = data ? false : "QUIZGEN_PAGE_DATA not set (tests/test_web_giveaways.py sets it)";

test("the bank's pairs: card orders of many seeds, whole and per article, have no neighbouring pair", { skip }, () => {
  const lookup = partners(data.giveaways);
  assert.ok(data.giveaways.length > 0);
  const groups = [data.facts].concat(Object.keys(data.sources).map((source) =>
    data.facts.filter((fact) => fact.cites.some((cite) => cite.source === source))));
  for (let seed = 1; seed <= 100; seed += 1) {
    const random = randomOf(seed);
    for (const group of groups) checkSpaced(permuted(group, random), lookup, "seed " + seed);
  }
});

test("the bank's pairs: a test of ten never puts a pair back to back (1000 seeds, whole bank and per article)", { skip }, () => {
  const lookup = partners(data.giveaways);
  const groups = [data.facts].concat(Object.keys(data.sources).map((source) =>
    data.facts.filter((fact) => fact.cites[0].source === source)));
  for (let seed = 0; seed < 1000; seed += 1) {
    for (const group of groups) {
      const drawn = drawTest(group, 10, "test/" + seed, lookup);
      assert.equal(new Set(drawn.map((fact) => fact.id)).size, Math.min(10, group.length));
      if (neighbours(drawn, lookup)) assert.equal(arrangeable(drawn, lookup), false, "seed " + seed);
    }
  }
});

test("the bank's pairs: study sessions of many seeds never show a pair back to back while another card is chosen", { skip }, () => {
  const lookup = partners(data.giveaways);
  let shownPairs = 0, forced = 0, answers = 0, avoided = 0;
  const ids = data.facts.map((fact) => fact.id);
  for (let seed = 1; seed <= 16; seed += 1) {
    const random = randomOf(seed);
    let now = new Date("2026-12-07T08:00:00Z");
    const progress = new Progress(data.deck, memoryStorage(), FSRS.fsrs(), ids, now);
    const deck = new Deck(data.facts, progress, FSRS, data.giveaways);
    deck.newPerDay = 40 + Math.floor(random() * 60);
    const sources = Object.keys(data.sources);
    if (seed % 2) deck.filter(sources[seed % sources.length], "", "");  // one article: more pairs meet
    let previous = null;
    for (let step = 0; step < 400; step += 1) {
      const pick = deck.next(now);
      if (!pick.fact) {
        if (!pick.nextDue) break;
        now = new Date(Math.max(pick.nextDue.getTime(), now.getTime() + MINUTE));
        continue;
      }
      const first = deck.previous;
      deck.previous = null;
      if (paired(lookup, deck.next(now).fact, previous)) avoided += 1;  // without the rule: a pair
      deck.previous = first;
      if (paired(lookup, pick.fact, previous)) {
        shownPairs += 1;
        // allowed only when every other card of the chosen ones is paired with the one before
        const others = deck.chosen.filter((fact) => fact !== pick.fact && !paired(lookup, fact, previous) &&
          fact !== previous);
        assert.deepEqual(others.map((fact) => fact.id), [], "seed " + seed + " step " + step);
        forced += 1;
      }
      deck.previous = pick.fact;  // as the page does when it shows a card
      previous = pick.fact;
      deck.rate(pick.fact, 1 + Math.floor(random() * 4), now);
      answers += 1;
      now = new Date(now.getTime() + Math.floor(random() * 3 * MINUTE));
    }
  }
  assert.ok(answers > 3000, String(answers));
  assert.equal(shownPairs, forced);
  console.log("answers", answers, "pairs avoided", avoided, "forced", forced);
  assert.ok(avoided > 30, "the pairs were met " + avoided + " times");  // the rule had work to do
});
