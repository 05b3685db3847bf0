/* The Test view: ten questions from the chosen cards, mixing the worksheets' types the page data holds
   (true or false where a card has statements, multiple choice where it has options, typed otherwise),
   scored, with a results screen. A test never changes when cards come back. */

import { $, announce, element } from "./dom.mjs";
import { shuffled } from "./cards.mjs";
import { judge } from "./typed.mjs";
import { partners, spaced } from "./apart.mjs";

export const TEST_SIZE = 10;
const TRUTH = ["True", "False"];

/* The question the test asks of `fact` at place `place`: every third one true or false (a false
   statement at random where the card has one), else multiple choice where it can, else typed.
   {fact, kind, prompt, options, answer, expected}. */
export function questionOf(fact, place, seed) {
  if (fact.tf && place % 3 === 2) {
    const lie = fact.tf.false !== null && shuffled([0, 1], seed + "/tf")[0] === 1;
    return { fact: fact, kind: "tf", prompt: lie ? fact.tf.false : fact.tf.true, options: TRUTH, answer: lie ? 1 : 0,
      expected: lie ? "False. True is: " + fact.tf.true : "True." };
  }
  if (fact.mc) return { fact: fact, kind: "mc", prompt: fact.q, options: fact.mc.options, answer: fact.mc.answer, expected: fact.a };
  return { fact: fact, kind: "typed", prompt: fact.q, options: null, answer: null, expected: fact.a };
}

/* An ordering question of the page data (events to put in order) whose events are all among `facts`,
   drawn by a seed; null when none is. */
export function orderingOf(orderings, facts, seed) {
  const ids = new Set(facts.map((fact) => fact.id));
  const fits = (orderings || []).filter((question) => question.ids.every((id) => ids.has(id)));
  if (!fits.length) return null;
  const question = fits[shuffled(fits, seed + "/order")[0]];
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const sources = new Set(question.ids.flatMap((id) => byId.get(id).cites.map((cite) => cite.source)));
  return { fact: { id: question.ids.join(" "), cites: Array.from(sources, (source) => ({ source: source })) },
    kind: "order", prompt: question.prompt + " Choose them from the earliest to the latest.", options: question.items,
    answer: null, order: question.order, ids: question.ids,
    expected: question.order.map((index, place) => (place + 1) + ". " + question.items[index] + " (" +
      question.dates[index] + ")").join("; ") };
}

/* A matching question of the page data whose facts are all among `facts` and not in `taken`, drawn
   by a seed; null when none is. */
export function matchingOf(matchings, facts, taken, seed) {
  const ids = new Set(facts.map((fact) => fact.id));
  const fits = (matchings || []).filter((question) => question.ids.every((id) => ids.has(id) && !taken.has(id)));
  if (!fits.length) return null;
  const question = fits[shuffled(fits, seed + "/match")[0]];
  const byId = new Map(facts.map((fact) => [fact.id, fact]));
  const sources = new Set(question.ids.flatMap((id) => byId.get(id).cites.map((cite) => cite.source)));
  return { fact: { id: question.ids.join(" "), cites: Array.from(sources, (source) => ({ source: source })) },
    kind: "match", prompt: question.prompt, options: null, left: question.left, right: question.right,
    right_title: question.right_title,
    pairs: question.pairs, ids: question.ids,
    expected: question.left.map((item, index) => item + " – " + question.right[question.pairs[index]]).join("; ") };
}

/* Up to `size` facts drawn from `facts` by a seed, each at most once, no give-away pair (`lookup`,
   from partners()) one right after the other. */
export function drawTest(facts, size, seed, lookup) {
  return spaced(shuffled(facts, seed).slice(0, size).map((index) => facts[index]), lookup || new Map());
}

export class Exam {
  constructor(bank, chosen) {
    this.bank = bank;
    this.chosen = chosen;  // () => the facts the Study filters choose
    this.partners = partners(bank.giveaways);
    this.questions = [];
    this.answers = [];
    $("test-start").addEventListener("click", () => this.start());
    $("test-options").addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button && !button.disabled) this.choose(Number(button.dataset.index));
    });
    $("test-typed-form").addEventListener("submit", (event) => { event.preventDefault(); this.typed(); });
    $("test-match-form").addEventListener("submit", (event) => { event.preventDefault(); this.matched(); });
    $("test-right").addEventListener("click", () => this.settle(true));
    $("test-wrong").addEventListener("click", () => this.settle(false));
    $("test-next").addEventListener("click", () => this.next());
  }

  /* Ten questions; the last two match pairs and put events in order where the chosen cards hold such
     questions (their facts, and cards paired with them, are not asked before them). */
  start() {
    const seed = "test/" + Date.now();
    const chosen = this.chosen();
    const order = orderingOf(this.bank.orderings, chosen, seed);
    const match = matchingOf(this.bank.matchings, chosen, new Set(order ? order.ids : []), seed);
    const last = [match, order].filter(Boolean);
    const held = new Set();
    for (const question of last) {
      for (const id of question.ids) {
        held.add(id);
        for (const other of this.partners.get(id) || []) held.add(other);
      }
    }
    const rest = chosen.filter((fact) => !held.has(fact.id));
    this.questions = drawTest(rest, TEST_SIZE - last.length, seed, this.partners)
      .map((fact, place) => questionOf(fact, place, seed + "/" + place)).concat(last);
    this.answers = [];
    $("test-results").hidden = true;
    if (this.questions.length) this.show(true);
    else this.next();
  }

  get question() { return this.questions[this.answers.length]; }

  show(focus) {
    const question = this.question;
    const fact = question.fact;
    $("test-box").hidden = false;
    $("test-box").dataset.fact = fact.id;
    $("test-box").dataset.kind = question.kind;
    this.picked = [];
    $("test-feedback").hidden = true;
    $("test-progress").textContent = "Question " + (this.answers.length + 1) + " of " + this.questions.length + " · " +
      ({ tf: "true or false? · ", order: "order the events · ", match: "matching · " }[question.kind] || "") +
      fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
    $("test-question").textContent = question.prompt;
    const list = $("test-options");
    list.replaceChildren();
    list.hidden = !question.options;
    $("test-typed-form").hidden = Boolean(question.options) || question.kind === "match";
    $("test-match-form").hidden = question.kind !== "match";
    if (question.kind === "match") this.showMatching(question);
    $("test-typed").value = "";
    $("test-typed").disabled = false;
    if (question.options) {
      // true and false, and events to order, keep their order; options are shuffled
      this.order = question.kind !== "mc" ? question.options.map((_, index) => index) : shuffled(question.options, fact.id + "/test/" + this.answers.length);
      this.order.forEach((index, place) => {
        const button = element("button", null, "option");
        button.type = "button";
        button.dataset.index = String(index);
        button.append(element("kbd", String(place + 1)), element("span", question.options[index]));
        const item = element("li");
        item.append(button);
        list.append(item);
      });
    }
    if (focus) $("test-question").focus();
  }

  choose(index) {
    const question = this.question;
    if (question.kind === "order" && this.pick(question, index)) return;
    for (const button of $("test-options").querySelectorAll("button")) button.disabled = true;
    this.feedback(question.options[index], index === question.answer);
  }

  /* A choice of the right-hand items for each left-hand one, each labelled by its item. */
  showMatching(question) {
    const box = $("test-match");
    box.replaceChildren();
    question.left.forEach((item, index) => {
      const label = element("label", item);
      const select = element("select");
      select.dataset.index = String(index);
      const none = element("option", "Choose the " + question.right_title.toLowerCase() + "…");
      none.value = "";
      select.append(none);
      question.right.forEach((text, place) => {
        const option = element("option", text);
        option.value = String(place);
        select.append(option);
      });
      label.append(select);
      box.append(label);
    });
    $("test-match-check").disabled = false;
  }

  /* Every pair judged at once: right only when each left item has its match. */
  matched() {
    const question = this.question;
    const selects = Array.from($("test-match").querySelectorAll("select"));
    const chosen = selects.map((select) => (select.value === "" ? null : Number(select.value)));
    for (const select of selects) select.disabled = true;
    $("test-match-check").disabled = true;
    const given = question.left.map((item, index) => item + " – " +
      (chosen[index] === null ? "(none)" : question.right[chosen[index]])).join("; ");
    this.feedback(given, chosen.every((place, index) => place === question.pairs[index]));
  }

  /* One event chosen as the next in time: it is numbered and set aside, focus goes to the next event
     left; false once every event is placed (then the order is judged). */
  pick(question, index) {
    this.picked.push(index);
    const buttons = Array.from($("test-options").querySelectorAll("button"));
    const button = buttons.find((item) => Number(item.dataset.index) === index);
    button.disabled = true;
    button.append(element("span", " → " + this.picked.length + ". ", "rank"));
    if (this.picked.length < question.options.length) {
      buttons.find((item) => !item.disabled).focus();
      announce("Placed " + this.picked.length + ": " + question.options[index] + ".");
      return true;
    }
    const right = this.picked.every((item, place) => item === question.order[place]);
    this.feedback(this.picked.map((item) => question.options[item]).join(" → "), right);
    return true;
  }

  /* A typed answer is right in an accepted form; otherwise the learner says whether it counts. */
  typed() {
    const judged = judge($("test-typed").value, this.question.fact);
    $("test-typed").disabled = true;
    if (judged.right) this.feedback(judged.typed, true);
    else this.feedback(judged.typed, null);
  }

  feedback(given, right) {
    const question = this.question;
    this.given = given;
    $("test-feedback").hidden = false;
    $("test-answer").textContent = question.expected;
    $("test-judge").hidden = right !== null;
    $("test-next").hidden = right === null;
    const verdict = right === null ? "You typed “" + given + "”. Does it mean the same as the answer?"
      : right ? "✓ Right." : "✗ Not quite: you chose " + given + ".";
    $("test-verdict").textContent = verdict;
    $("test-verdict").className = "verdict " + (right === null ? "judge" : right ? "right" : "wrong");
    if (right !== null) this.answers.push({ question: question, given: given, right: right });
    announce(verdict + " Answer: " + question.expected + (/[.!?]$/.test(question.expected) ? "" : "."));
    $(right === null ? "test-right" : "test-next").focus();
  }

  settle(right) {
    this.answers.push({ question: this.question, given: this.given, right: right });
    $("test-judge").hidden = true;
    $("test-next").hidden = false;
    $("test-next").focus();
  }

  next() {
    if (this.answers.length < this.questions.length) { this.show(true); return; }
    $("test-box").hidden = true;
    $("test-results").hidden = false;
    const score = this.answers.filter((answer) => answer.right).length;
    $("test-score").textContent = this.answers.length ? "Score: " + score + " of " + this.answers.length
      : "No card matches the Study filters.";
    $("test-list").replaceChildren(...this.answers.map((answer) => {
      const item = element("li", null, answer.right ? "right" : "wrong");
      const mark = element("span", answer.right ? "✓ " : "✗ ");
      mark.setAttribute("aria-hidden", "true");
      item.append(mark, element("span", answer.right ? "Right: " : "Wrong: ", "visually-hidden"),
        element("strong", answer.question.prompt), element("br"),
        "Your answer: " + (answer.given || "(none)") + " · the answer: " + answer.question.expected + " · id ",
        element("code", answer.question.fact.id));
      return item;
    }));
    $("test-score").focus();
    announce($("test-score").textContent);
  }
}
