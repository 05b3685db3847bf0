/* Progress saved by the page before version 2 (one record for all facts), moved to one record per fact. */

/* Move the old record's cards into `progress` (a Progress), once. A card that cannot be used is set
   aside like any damaged record: named in the notice, its text kept as a damaged copy (exported),
   and the whole old record is kept as a backup that the export carries too. */
export function migrate(progress, now) {
  const storage = progress.storage;
  const mine = "quizgen:" + progress.deck + ":";
  let text = null;
  try { text = storage.getItem(mine + "progress"); } catch (error) { return; }
  if (text === null) return;
  let cards = {};
  try { cards = JSON.parse(text).cards || {}; } catch (error) { progress.setAside.set("progress", "the old record is not JSON"); }
  const writes = new Map();
  const damaged = new Map();
  for (const [id, raw] of Object.entries(cards)) {
    const checked = progress.check(id, raw, now);
    if (checked.card) {
      if (storage.getItem(progress.prefix + id) === null) writes.set(id, checked.card);
    } else {
      damaged.set(id, checked.problem);
    }
  }
  try {
    progress.writeAll(writes, now);
    for (const [id, why] of damaged) {
      if (/^[\w-]+$/.test(id)) storage.setItem(mine + "damaged:" + id, String(JSON.stringify(cards[id])));
      progress.setAside.set(id, why);
    }
    storage.setItem(mine + "backup:version-1", text);
    storage.removeItem(mine + "progress");
  } catch (error) {
    progress.problem = "Saved progress could not be moved to this page's new format (" + error.message + ").";
  }
}
