/* The page: study flow, filters, views, keyboard, night mode; FSRS comes from the vendored ts-fsrs. */

/* global FSRS */
import { $, KIND_NAMES, announce, element, plural } from "./dom.mjs";
import { Progress, apartLimit } from "./progress.mjs";
import { browserStorage } from "./storage.mjs";
import { Deck, shuffled } from "./cards.mjs";
import { CardView } from "./view.mjs";
import { Timeline } from "./timeline.mjs";
import { setUpProgress, summarize } from "./manage.mjs";
import { judge } from "./typed.mjs";
import { CardList } from "./list.mjs";
import { setUpTheme } from "./theme.mjs";
import { Exam } from "./exam.mjs";

const bank = JSON.parse($("bank").textContent);
const kept = browserStorage();
const progress = new Progress(bank.deck, kept.storage, FSRS.fsrs(), bank.facts.map((fact) => fact.id), new Date());
const deck = new Deck(bank.facts, progress, FSRS, bank.giveaways);
const view = new CardView(bank);
const timeline = new Timeline(bank);
const list = new CardList(bank, progress);
new Exam(bank, () => deck.chosen);  // it wires the Test view to its own controls
const app = { mode: "flash", fact: null, phase: "ask", options: null, order: null, pinned: null, firstShown: false,
  drawn: null, timer: null, dismissed: null, started: false };

/* One line for whatever keeps progress from being kept: a failed save, a refused storage, set-aside cards. */
function notice(extra) {
  let text = extra || progress.problem || kept.problem;
  if (!text && progress.setAside.size) {
    const ids = Array.from(progress.setAside, ([id, why]) => "'" + id + "' (" + why + ")");
    text = "The saved progress of " + plural(ids.length, "card") + " could not be read and was set aside: " +
      ids.slice(0, 5).join(", ") + (ids.length > 5 ? ", …" : "") + ". The rest of your progress is kept; " +
      "a copy of each damaged record stays in the export.";
  }
  if (!text && progress.pruned) {
    text = "Removed the saved progress of " + plural(progress.pruned, "card") + " this page does not know " +
      "(more than " + apartLimit(progress.ids) + " kept for other versions of the page; the most recently studied stay).";
  }
  if (text && text === app.dismissed) return;
  $("notice-text").textContent = text || "";
  $("notice").hidden = !text;
}

function updateCounts() {
  const counts = deck.counts(new Date());
  $("counts").textContent = counts.due + " due · " + counts.fresh + " new (" + counts.newLeft + " more today) · " +
    counts.seen + " studied · " + plural(counts.total, "card");
}

function nextCard(focus) {
  window.clearTimeout(app.timer);
  let fact = app.pinned;
  app.pinned = null;
  if (!fact) {
    const now = new Date();
    const pick = deck.next(now);
    fact = pick.fact;
    if (!fact) {
      app.fact = null;
      view.finished(pick, deck.counts(now), focus);
      updateCounts();
      app.timer = window.setTimeout(refresh, 30000);  // the done screen looks again for cards come due
      return;
    }
  }
  present(fact, focus);
}

function refresh() {
  if (app.fact || $("view-study").hidden) return;
  if (deck.next(new Date()).fact) nextCard(false);
  else app.timer = window.setTimeout(refresh, 30000);
}

function present(fact, focus) {
  const card = progress.get(fact.id);
  app.fact = fact;
  deck.previous = fact;
  app.phase = "ask";
  app.order = fact.mc ? shuffled(fact.mc.options, fact.id + "/" + (card ? card.reps : 0)) : null;
  app.options = view.ask(fact, app.mode, app.order, focus);
  updateCounts();
  if (!app.firstShown) {
    app.firstShown = true;
    performance.mark("quizgen:first-card");  // read by benchmarks/web_timing.py
  }
}

function show() {
  if (!app.fact || app.phase !== "ask" || app.options) return;
  view.reveal(app.fact, null, deck.preview(app.fact, new Date()));
  app.phase = "answer";
}

/* Typing: the typed answer is judged, then the learner rates as with a flashcard. */
function check() {
  if (!app.fact || app.phase !== "ask" || app.mode !== "typed") return;
  view.reveal(app.fact, { typed: judge($("typed").value, app.fact) }, deck.preview(app.fact, new Date()));
  app.phase = "answer";
}

function answered(saved) {
  $("undo").hidden = !saved;
  notice();
  updateCounts();
}

/* Multiple choice: the choice is the answer (right: Good while learning, Hard in review, since
   recognising is easier than recalling; wrong: Again), saved at once. */
function choose(place) {
  if (!app.fact || app.phase !== "ask" || !app.options || place >= app.order.length) return;
  const index = app.order[place];
  const rating = index === app.options.answer ? deck.choiceRating(app.fact) : 1;
  const saved = deck.rate(app.fact, rating, new Date());
  app.phase = "answer";
  view.reveal(app.fact, { choice: index }, null);
  answered(saved);
}

function rate(rating) {
  if (!app.fact || app.phase !== "answer" || app.options) return;
  answered(deck.rate(app.fact, rating, new Date()));
  nextCard(true);
}

function undo() {
  const fact = deck.undo();
  if (!fact) {
    $("undo").hidden = true;
    announce("Nothing taken back: another tab has answered this card since.");
    return;
  }
  $("undo").hidden = true;
  present(fact, true);
  announce("Answer taken back. " + fact.q);
  notice();
}

function goOn() {
  if (app.phase === "ask" && app.mode === "typed") $("typed").focus();
  else if (app.phase === "ask") show();
  else if (app.options) nextCard(true);
}

function fillSelect(select, entries) {
  for (const [value, label] of entries) {
    const option = element("option", label);
    option.value = value;
    select.append(option);
  }
}

function setUpFilters() {
  fillSelect($("filter-source"), Object.entries(bank.sources).map(([id, source]) => [id, source.label]));
  const kinds = Array.from(new Set(bank.facts.map((fact) => fact.kind))).sort();
  fillSelect($("filter-kind"), kinds.map((kind) => [kind, KIND_NAMES[kind] || kind]));
  const tags = Array.from(new Set(bank.facts.flatMap((fact) => fact.tags))).sort();
  fillSelect($("filter-tag"), tags.map((tag) => [tag, tag]));
  // wide screens have room for the filters; phones keep them folded above the card
  if (window.matchMedia("(min-width: 48rem)").matches) $("filters").open = true;
  $("view-study").querySelector(".mode").addEventListener("change", (event) => {
    app.mode = event.target.value;
    if (app.fact && app.phase === "ask") app.options = view.ask(app.fact, app.mode, app.order, false);
  });
  $("filters").addEventListener("change", () => {
    const chosen = ["filter-source", "filter-kind", "filter-tag"].map((id) => $(id))
      .filter((select) => select.value).map((select) => select.selectedOptions[0].textContent);
    $("filters-summary").textContent = chosen.length ? "Filters: " + chosen.join(", ") : "Filter by article, kind or tag";
    deck.filter($("filter-source").value, $("filter-kind").value, $("filter-tag").value);
    nextCard(false);
  });
}

function drawTimeline() {
  const by = $("timeline-group").value;
  if (app.drawn !== by) {
    const only = $("timeline-only");
    only.replaceChildren(element("option", "Every group"));
    only.firstChild.value = "";
    fillSelect(only, timeline.groups(by).map((name) => [name, name]));
  }
  timeline.render($("timeline-axis"), by, $("timeline-only").value);
  app.drawn = by;
}

const TITLES = { study: "study", timeline: "timeline", test: "test", cards: "cards", progress: "progress" };
const drawList = () => list.render($("cards-search").value, $("cards-flagged").checked);

/* Views by address: #study, #timeline, #progress, or #card/<id> for one card; a bad address opens Study. */
function route() {
  let hash = "";
  try { hash = decodeURIComponent(location.hash.slice(1)); } catch (error) { hash = ""; }
  const shown = hash.startsWith("card/") ? "study" : Object.hasOwn(TITLES, hash) ? hash : "study";
  const changed = $("view-" + shown).hidden;
  for (const name of Object.keys(TITLES)) $("view-" + name).hidden = name !== shown;
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === shown) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = bank.title + ": " + TITLES[shown];
  if (shown === "timeline" && app.drawn === null) drawTimeline();
  if (shown === "progress") summarize(progress, bank);
  if (shown === "cards") drawList();
  const state = history.state || {};
  if (hash.startsWith("card/")) {
    app.pinned = bank.facts.find((fact) => fact.id === hash.slice(5)) || null;
    nextCard(true);
    history.replaceState(null, "", "#study");  // a reload goes on with the queue, not this card
    window.scrollTo(0, 0);
  } else if (shown === "timeline" && state.from) {
    window.scrollTo(0, state.scroll || 0);  // back from a card: the learner's place on the timeline
    const link = $("event-" + state.from);
    if (link) link.querySelector("a").focus({ preventScroll: true });
  } else if (changed) {
    window.scrollTo(0, 0);  // a new view starts at its top
    if (app.started) $(shown + "-heading").focus();
  }
  if (shown === "study" && !app.fact && !hash.startsWith("card/")) nextCard(false);
  app.started = true;
}

/* Space/Enter show or go on, 1-4 rate or choose, Ctrl+Z undoes; native keys win on fields, links, buttons. */
function onKey(event) {
  if ($("view-study").hidden) return;
  const target = event.target.type === "radio" ? "RADIO" : event.target.tagName;
  if (["INPUT", "SELECT", "TEXTAREA"].includes(target)) return;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "z") {
    undo();
    event.preventDefault();
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || !app.fact) return;
  const go = event.key === " " || event.key === "Enter";
  if (go && ["BUTTON", "A", "SUMMARY"].includes(target)) return;
  if (go) goOn();
  else if (/^[1-4]$/.test(event.key)) {
    if (app.options) choose(Number(event.key) - 1);
    else rate(Number(event.key));
  } else return;
  event.preventDefault();
}

function onStorage(event) {
  const now = new Date();
  const id = event.key && event.key.startsWith(progress.prefix) ? event.key.slice(progress.prefix.length) : null;
  if (event.key === null) progress.load(now);
  else if (id !== null) progress.reread(id, now);
  else return;
  // the card on screen, not yet answered here, was answered in the other tab: go on to the next one
  if (app.fact && app.phase === "ask" && (id === app.fact.id || event.key === null)) nextCard(false);
  updateCounts();  // another tab answered: its answers count here too
  notice();
  if (!$("view-progress").hidden) summarize(progress, bank);
  if (!app.fact && !$("view-study").hidden) nextCard(false);
}

function setUpStudy() {
  $("show").addEventListener("click", show);
  $("typed-form").addEventListener("submit", (event) => { event.preventDefault(); check(); });
  $("next").addEventListener("click", () => nextCard(true));
  $("undo").addEventListener("click", undo);
  $("more-new").addEventListener("click", () => { deck.newPerDay += 10; nextCard(true); });
  $("notice-dismiss").addEventListener("click", () => {
    app.dismissed = $("notice-text").textContent;
    $("notice").hidden = true;
  });
  $("options").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) choose(app.order.indexOf(Number(button.dataset.index)));
  });
  $("rate").addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) rate(Number(button.dataset.rating));
  });
  document.addEventListener("keydown", onKey);
  $("timeline-group").addEventListener("change", drawTimeline);
  $("timeline-only").addEventListener("change", drawTimeline);
  $("timeline-print").addEventListener("click", () => window.print());
  $("timeline-axis").addEventListener("click", (event) => {
    const item = event.target.closest(".event");
    if (item) history.replaceState({ from: item.id.slice(6), scroll: window.scrollY }, "");
  });
  $("cards-search").addEventListener("input", drawList);
  $("cards-flagged").addEventListener("change", drawList);
  $("cards-list").addEventListener("click", (event) => {
    const button = event.target.closest("button.flag");
    if (!button) return;
    const { on, problem } = list.toggle(button.dataset.fact);
    button.querySelector(".glyph").textContent = on ? "⚑ " : "⚐ ";
    button.setAttribute("aria-pressed", String(on));
    if (problem) notice(problem);  // a failed save is said at once, never silent
  });
  window.addEventListener("beforeprint", () => { if (app.drawn === null) drawTimeline(); });  // print shows the timeline
  window.addEventListener("hashchange", route);
  window.addEventListener("storage", onStorage);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
}

/* Any error the code did not expect is shown, not swallowed into a blank page. */
window.addEventListener("error", (event) => notice("Something went wrong on this page (" + event.message +
  "). Your saved progress is safe; reload the page to go on."));

setUpTheme(kept.storage);
setUpFilters();
setUpProgress(progress, bank, () => {
  notice();
  updateCounts();
  if (!app.fact || app.phase === "ask") { app.fact = null; nextCard(false); }
});
setUpStudy();
notice();
route();
