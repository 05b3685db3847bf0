/* The Test view: ten questions from the chosen cards (multiple choice where a card has options, typed
   otherwise), scored, with a results screen. A test never changes when cards come back. */

import { $, announce, element } from "./dom.mjs";
import { shuffled } from "./cards.mjs";
import { judge } from "./typed.mjs";

export const TEST_SIZE = 10;

/* Up to `size` facts drawn from `facts` by a seed: each at most once. */
export function drawTest(facts, size, seed) {
  return shuffled(facts, seed).slice(0, size).map((index) => facts[index]);
}

export class Exam {
  constructor(bank, chosen) {
    this.bank = bank;
    this.chosen = chosen;  // () => the facts the Study filters choose
    this.questions = [];
    this.answers = [];
    $("test-start").addEventListener("click", () => this.start());
    $("test-options").addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (button && !button.disabled) this.choose(Number(button.dataset.index));
    });
    $("test-typed-form").addEventListener("submit", (event) => { event.preventDefault(); this.typed(); });
    $("test-right").addEventListener("click", () => this.settle(true));
    $("test-wrong").addEventListener("click", () => this.settle(false));
    $("test-next").addEventListener("click", () => this.next());
  }

  start() {
    this.questions = drawTest(this.chosen(), TEST_SIZE, "test/" + Date.now());
    this.answers = [];
    $("test-results").hidden = true;
    if (this.questions.length) this.show(true);
    else this.next();
  }

  get fact() { return this.questions[this.answers.length]; }

  show(focus) {
    const fact = this.fact;
    $("test-box").hidden = false;
    $("test-feedback").hidden = true;
    $("test-progress").textContent = "Question " + (this.answers.length + 1) + " of " + this.questions.length + " · " +
      fact.cites.map((cite) => this.bank.sources[cite.source].label).join("; ");
    $("test-question").textContent = fact.q;
    const list = $("test-options");
    list.replaceChildren();
    list.hidden = !fact.mc;
    $("test-typed-form").hidden = Boolean(fact.mc);
    $("test-typed").value = "";
    $("test-typed").disabled = false;
    if (fact.mc) {
      this.order = shuffled(fact.mc.options, fact.id + "/test/" + this.answers.length);
      this.order.forEach((index, place) => {
        const button = element("button", null, "option");
        button.type = "button";
        button.dataset.index = String(index);
        button.append(element("kbd", String(place + 1)), element("span", fact.mc.options[index]));
        const item = element("li");
        item.append(button);
        list.append(item);
      });
    }
    if (focus) $("test-question").focus();
  }

  choose(index) {
    const fact = this.fact;
    for (const button of $("test-options").querySelectorAll("button")) button.disabled = true;
    this.feedback(fact.mc.options[index], index === fact.mc.answer);
  }

  /* A typed answer is right in an accepted form; otherwise the learner says whether it counts. */
  typed() {
    const judged = judge($("test-typed").value, this.fact);
    $("test-typed").disabled = true;
    if (judged.right) this.feedback(judged.typed, true);
    else this.feedback(judged.typed, null);
  }

  feedback(given, right) {
    const fact = this.fact;
    this.given = given;
    $("test-feedback").hidden = false;
    $("test-answer").textContent = fact.a;
    $("test-judge").hidden = right !== null;
    $("test-next").hidden = right === null;
    const verdict = right === null ? "You typed “" + given + "”. Does it mean the same as the answer?"
      : right ? "✓ Right." : "✗ Not quite: you chose " + given + ".";
    $("test-verdict").textContent = verdict;
    $("test-verdict").className = "verdict " + (right === null ? "judge" : right ? "right" : "wrong");
    if (right !== null) this.answers.push({ fact: fact, given: given, right: right });
    announce(verdict + " Answer: " + fact.a + ".");
    $(right === null ? "test-right" : "test-next").focus();
  }

  settle(right) {
    this.answers.push({ fact: this.fact, given: this.given, right: right });
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
        element("strong", answer.fact.q), element("br"),
        "Your answer: " + (answer.given || "(none)") + " · the answer: " + answer.fact.a + " · id ",
        element("code", answer.fact.id));
      return item;
    }));
    $("test-score").focus();
    announce($("test-score").textContent);
  }
}
