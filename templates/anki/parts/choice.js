/* quizgen multiple choice: shuffled at each review, chosen by tap or click. No keys: Anki desktop
   takes 1-4 (and a, b, d...) as its own shortcuts before the card sees them, so a key promise
   would be a trap; the options are lettered A-D so the verdict can name the right one.
   The front draws a new order; the back (which repeats the front through {{FrontSide}}) shows
   the same order, kept in a page global (Anki desktop, AnkiMobile keep the page between sides)
   and in sessionStorage (AnkiDroid loads each side afresh). Without JavaScript nothing here
   runs: the options stay hidden and the card is a recall card. */
(function () {
  var KEY = "quizgen-choice";

  function load(id) {
    var state = window.qzChoiceState;
    if (!state || state.id !== id) {
      try { state = JSON.parse(window.sessionStorage.getItem(KEY) || "null"); } catch (e) { state = null; }
    }
    return state && state.id === id ? state : null;
  }

  function save(state) {
    window.qzChoiceState = state;
    try { window.sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function shuffled(count) {
    var order = [];
    for (var i = 0; i < count; i++) order.push(i);
    for (var j = count - 1; j > 0; j--) {
      var k = Math.floor(Math.random() * (j + 1));
      var swap = order[j]; order[j] = order[k]; order[k] = swap;
    }
    return order;
  }

  function run() {
    var root = document.querySelector(".qz-mc[data-qz-id]");
    var data = root && root.querySelector(".qz-choice-data");
    var box = root && root.querySelector(".qz-choose");
    if (!data || !box) return;
    var texts = [];
    var spans = data.querySelectorAll("span");
    for (var i = 0; i < spans.length; i++) texts.push(spans[i].textContent);
    if (texts.length < 3) return;  // the bank had too few answers of this kind: recall only
    var back = !!document.getElementById("answer");
    var id = root.getAttribute("data-qz-id") + "|" + texts.join("|");
    var state = back ? load(id) : null;
    if (!state || state.order.length !== texts.length) state = {id: id, order: shuffled(texts.length), chosen: -1};
    save(state);

    var list = box.querySelector(".qz-options");
    var verdict = box.querySelector(".qz-verdict");
    var items = [];
    list.innerHTML = "";
    state.order.forEach(function (option, position) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "qz-option";
      button.textContent = texts[option];
      button.addEventListener("click", function () { choose(position); });
      item.appendChild(button);
      list.appendChild(item);
      items.push(item);
    });

    function mark() {
      var right = state.order.indexOf(0);  // option 0 is the right answer
      var letter = "ABCD".charAt(right);
      items[right].classList.add("qz-right");
      if (state.chosen >= 0 && state.chosen !== right) items[state.chosen].classList.add("qz-wrong");
      if (state.chosen >= 0) items[state.chosen].classList.add("qz-chosen");
      // Anki does not grade: the verdict says which rating the choice earned
      verdict.textContent = state.chosen < 0 ? "The answer is " + letter + "."
        : state.chosen === right ? "✓ Right: " + letter + "."
        : "✗ Not this one: the answer is " + letter + ". Rate it Again.";
      verdict.className = "qz-verdict " + (state.chosen < 0 ? "qz-said-answer" : state.chosen === right ? "qz-said-right" : "qz-said-wrong");
      list.classList.add("qz-done");
    }

    function choose(position) {
      if (back || state.chosen >= 0 || position >= items.length || !root.isConnected) return false;
      state.chosen = position;
      save(state);
      mark();
      return true;
    }

    box.hidden = false;
    if (back) {
      mark();
      var how = box.querySelector(".qz-how");  // nothing can be chosen on the back
      if (how) how.hidden = true;
      var plain = document.querySelector(".qz-back .qz-answer");  // the marked list shows it
      if (plain) plain.hidden = true;
      // Anki scrolls #answer (the back's top) into view; when the question, options and verdict
      // do not fit in one window, the options and verdict come first, not the question's start
      var anchor = document.getElementById("answer");
      if (anchor && verdict.getBoundingClientRect().bottom - anchor.getBoundingClientRect().top > window.innerHeight) {
        anchor.removeAttribute("id");
        box.id = "answer";
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
