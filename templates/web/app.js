/* The page: study flow, filters, views, keyboard, night mode, export and import of progress. */
"use strict";

const bank = JSON.parse($("bank").textContent);
const kept = browserStorage();
const progress = new Progress(bank.deck, kept.storage);
const app = {
  deck: new Deck(bank, progress), view: new CardView(bank), timeline: new Timeline(bank),
  mode: "flash", fact: null, phase: "ask", options: null, pinned: null, firstShown: false, drawn: null,
};

function notice() {
  const problem = progress.problem || kept.problem;
  showText("notice", problem);
}

function updateCounts() {
  const counts = app.deck.counts(new Date());
  $("counts").textContent = counts.due + " due · " + counts.fresh + " new · " + counts.seen +
    " studied · " + counts.total + " cards";
}

function nextCard() {
  let fact = app.pinned;
  app.pinned = null;
  if (!fact) {
    const pick = app.deck.next(new Date());
    fact = pick.fact;
    if (!fact) {
      app.fact = null;
      app.view.finished(pick.nextDue, app.deck.chosen.length);
      updateCounts();
      return;
    }
  }
  app.fact = fact;
  app.phase = "ask";
  app.options = app.view.ask(fact, app.mode);
  updateCounts();
  if (!app.firstShown) {
    app.firstShown = true;
    performance.mark("quizgen:first-card");  // read by benchmarks/web_timing.py
  }
}

function show() {
  if (!app.fact || app.phase !== "ask" || app.options) return;
  app.phase = "answer";
  app.view.reveal(app.fact, null, app.deck.preview(app.fact, new Date()));
}

/* Multiple choice: the choice is the answer (right: Good, wrong: Again), saved at once. */
function choose(index) {
  if (!app.fact || app.phase !== "ask" || !app.options || index >= app.options.options.length) return;
  app.deck.rate(app.fact, index === app.options.answer ? 3 : 1, new Date());
  app.phase = "answer";
  app.view.reveal(app.fact, index, null);
  notice();
  updateCounts();
}

function rate(rating) {
  if (!app.fact || app.phase !== "answer" || app.options) return;
  app.deck.rate(app.fact, rating, new Date());
  notice();
  nextCard();
}

function goOn() {
  if (app.phase === "ask") show();
  else if (app.options) nextCard();
}

function fillSelect(id, entries) {
  for (const [value, label] of entries) {
    const option = element("option", label);
    option.value = value;
    $(id).append(option);
  }
}

function setUpFilters() {
  fillSelect("filter-source", Object.entries(bank.sources).map(([id, source]) => [id, source.label]));
  const kinds = Array.from(new Set(bank.facts.map((fact) => fact.kind))).sort();
  fillSelect("filter-kind", kinds.map((kind) => [kind, KIND_NAMES[kind] || kind]));
  const tags = Array.from(new Set(bank.facts.flatMap((fact) => fact.tags))).sort();
  fillSelect("filter-tag", tags.map((tag) => [tag, tag]));
  // wide screens have room for the filters; phones keep them folded above the card
  if (window.matchMedia("(min-width: 48rem)").matches) $("filters").querySelector("details").open = true;
  $("filters").addEventListener("change", (event) => {
    if (event.target.name === "mode") {
      app.mode = event.target.value;
      if (app.fact && app.phase === "ask") app.options = app.view.ask(app.fact, app.mode);
      return;
    }
    app.deck.filter($("filter-source").value, $("filter-kind").value, $("filter-tag").value);
    nextCard();
  });
}

function drawTimeline() {
  const by = $("timeline-group").value;
  if (app.drawn !== by) {
    const only = $("timeline-only");
    only.replaceChildren(element("option", "Every group"));
    only.firstChild.value = "";
    fillSelect("timeline-only", app.timeline.groups(by).map((name) => [name, name]));
  }
  app.timeline.render($("timeline-axis"), by, $("timeline-only").value);
  app.drawn = by;
}

/* Views by address: #study, #timeline, #progress, or #card/<id> for one card. */
function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  const view = hash.startsWith("card/") ? "study" : ["timeline", "progress"].includes(hash) ? hash : "study";
  if ($("view-" + view).hidden) window.scrollTo(0, 0);  // a new view starts at its top
  for (const name of ["study", "timeline", "progress"]) $("view-" + name).hidden = name !== view;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (view === "timeline" && app.drawn === null) drawTimeline();
  if (view === "progress") summarize();
  if (hash.startsWith("card/")) {
    app.pinned = bank.facts.find((fact) => fact.id === hash.slice(5)) || null;
    nextCard();
    history.replaceState(null, "", "#study");  // a reload goes on with the queue, not this card
    window.scrollTo(0, 0);
  } else if (view === "study" && !app.fact) {
    nextCard();
  }
}

function summarize() {
  const all = new Deck(bank, progress).counts(new Date());
  const reviews = Object.values(progress.cards).reduce((sum, card) => sum + card.reps, 0);
  $("progress-summary").textContent = all.seen + " of " + all.total + " cards studied, " + all.due +
    " due now, " + reviews + " answers in all.";
}

function say(text) {
  $("progress-message").textContent = text;
  summarize();
  updateCounts();
}

function setUpProgress() {
  $("export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(progress.document(), null, 1)], { type: "application/json" });
    const link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = "quizgen-progress-" + bank.deck + "-" + new Date().toISOString().slice(0, 10) + ".json";
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say("Exported the progress of " + Object.keys(progress.cards).length + " cards.");
  });
  $("import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try {
      const result = progress.merge(await file.text());
      say("Imported " + file.name + ": the progress of " + result.taken + " of " + result.total + " cards.");
      if (!app.fact || app.phase === "ask") { app.fact = null; nextCard(); }
    } catch (error) {
      say("Could not import " + file.name + ": " + error.message + ".");
    }
    event.target.value = "";
  });
  $("clear").addEventListener("click", () => {
    if (!window.confirm("Forget all progress on this device? Export it first to keep a copy.")) return;
    progress.clear();
    app.fact = null;
    nextCard();
    say("Progress forgotten on this device.");
  });
}

function setUpTheme() {
  const root = document.documentElement;
  const saved = kept.storage.getItem("quizgen:theme");
  if (saved === "dark" || saved === "light") root.dataset.theme = saved;
  $("theme").addEventListener("click", () => {
    const dark = root.dataset.theme ? root.dataset.theme === "dark"
      : window.matchMedia("(prefers-color-scheme: dark)").matches;
    root.dataset.theme = dark ? "light" : "dark";
    try { kept.storage.setItem("quizgen:theme", root.dataset.theme); } catch (error) { /* not kept: fine */ }
  });
}

/* Space/Enter show or go on, 1-4 rate or choose; native keys win on form fields, links and buttons. */
function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || $("view-study").hidden || !app.fact) return;
  const target = event.target.type === "radio" ? "RADIO" : event.target.tagName;
  if (["INPUT", "SELECT", "TEXTAREA"].includes(target)) return;
  const go = event.key === " " || event.key === "Enter";
  if (go && ["BUTTON", "A", "RADIO", "SUMMARY"].includes(target)) return;
  if (go) goOn();
  else if (/^[1-4]$/.test(event.key)) {
    if (app.options) choose(Number(event.key) - 1);
    else rate(Number(event.key));
  } else return;
  event.preventDefault();
}

function setUpStudy() {
  $("show").addEventListener("click", show);
  $("next").addEventListener("click", nextCard);
  $("options").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) choose(Number(button.dataset.index));
  });
  $("rate").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) rate(Number(button.dataset.rating));
  });
  document.addEventListener("keydown", onKey);
  $("timeline-group").addEventListener("change", drawTimeline);
  $("timeline-only").addEventListener("change", drawTimeline);
  $("timeline-print").addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => { if (app.drawn === null) drawTimeline(); });  // print shows the timeline
  window.addEventListener("hashchange", route);
}

setUpTheme();
setUpFilters();
setUpProgress();
setUpStudy();
notice();
route();
