/* The Progress view: a summary, export, import (with a report of what was kept) and forgetting. */

import { $, element, plural } from "./dom.mjs";
import { stats } from "./stats.mjs";

function rows(id, lines) {
  $(id).replaceChildren(...lines.map((cells) => {
    const row = element("tr");
    cells.forEach((cell, index) => row.append(element(index ? "td" : "th", String(cell))));
    row.firstChild.scope = "row";
    return row;
  }));
}

/* Counts over the bank's facts only: ids kept apart for other page versions are not counted. */
export function summarize(progress, bank) {
  const now = Date.now();
  let seen = 0, due = 0, reviews = 0;
  for (const fact of bank.facts) {
    const card = progress.get(fact.id);
    if (!card) continue;
    seen += 1;
    reviews += card.reps;
    if (Date.parse(card.due) <= now) due += 1;
  }
  $("progress-summary").textContent = seen + " of " + plural(bank.facts.length, "card") + " studied, " +
    due + " due now, " + plural(reviews, "answer") + " in all.";
  const figures = stats(bank.facts, bank.sources, progress.cards, progress.days(), new Date(now));
  $("stats-line").textContent = "Streak: " + plural(figures.streak, "day") + " · today: " +
    plural(figures.today, "answer") + " · remembered: " +
    (figures.remembered === null ? "no card learned yet" : figures.remembered + " % of learned cards (not forgotten)") + ".";
  rows("stats-week", figures.week.map((entry) => [entry.day, entry.due]));
  rows("stats-days", figures.recent.length ? figures.recent : [["none yet", 0]]);
  rows("stats-articles", Array.from(figures.perSource, ([id, count]) =>
    [bank.sources[id].label, count.total, count.seen, count.mastered]).filter((row) => row[1] > 0));
}

/* What an import kept and what it did not, in words. */
export function importReport(name, result) {
  const parts = ["Imported " + name + ": the progress of " + plural(result.taken.length, "card") + " kept"];
  if (result.older.length) parts.push(plural(result.older.length, "card") + " left as they were (this browser's review is as recent or newer)");
  if (result.unknown.length) {
    parts.push(plural(result.unknown.length, "id") + " this page does not know kept apart (not counted)");
  }
  if (result.unknownLeft.length) {
    parts.push(plural(result.unknownLeft.length, "id") + " this page does not know not imported (the page keeps " +
      "at most twice its number of cards for other versions)");
  }
  if (result.damaged.length) {
    const [id, why] = result.damaged[0];
    parts.push(plural(result.damaged.length, "card") + " not imported because damaged (first: '" + id + "': " + why + ")");
  }
  return parts.join("; ") + ".";
}

export function setUpProgress(progress, bank, changed) {
  const say = (text) => {
    $("progress-message").textContent = text;
    summarize(progress, bank);
    changed();
  };
  $("export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(progress.document(), null, 1)], { type: "application/json" });
    const link = element("a");
    link.href = URL.createObjectURL(blob);
    link.download = "quizgen-progress-" + bank.deck + "-" + new Date().toISOString().slice(0, 10) + ".json";
    link.click();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say("Exported the progress of " + plural(progress.cards.size, "card") + ".");
  });
  $("import").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try {
      if (file.size > 2 * 1024 * 1024) throw new Error("the file is larger than 2 MB, too large for a progress file");
      say(importReport(file.name, progress.merge(await file.text(), new Date())));
    } catch (error) {
      say("Could not import " + file.name + ": " + error.message + ". Nothing was changed.");
    }
    event.target.value = "";
  });
  $("clear").addEventListener("click", () => {
    if (!window.confirm("Forget all progress on this device? Export it first to keep a copy.")) return;
    progress.clear();
    say("Progress forgotten on this device.");
  });
}
