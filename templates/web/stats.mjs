/* Statistics from the cards themselves and a per-day answer count: streak, answers per day, how many
   learned cards are remembered, the coming week's due cards and mastery per article. */

import { dayOf } from "./cards.mjs";

const MASTERED_DAYS = 21;  // as Anki calls a card "mature": its interval is three weeks or more

/* The consecutive days up to today (or yesterday, if nothing was studied yet today) with answers. */
export function streak(days, now) {
  let count = 0;
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  if (!days[dayOf(day)]) day.setDate(day.getDate() - 1);
  while (days[dayOf(day)]) {
    count += 1;
    day.setDate(day.getDate() - 1);
  }
  return count;
}

export function stats(facts, sources, cards, days, now) {
  const week = [];
  for (let offset = 0; offset < 7; offset += 1) {
    week.push({ day: dayOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset)), due: 0 });
  }
  const perSource = new Map(Object.keys(sources).map((id) => [id, { total: 0, seen: 0, mastered: 0 }]));
  let learned = 0, remembered = 0;
  for (const fact of facts) {
    const card = cards.get(fact.id);
    const own = perSource.get(fact.cites[0].source);
    own.total += 1;
    if (!card) continue;
    own.seen += 1;
    if (card.state === 2 && card.scheduled_days >= MASTERED_DAYS) own.mastered += 1;
    // learned: the card has reached review (state 2), or fell back from it (relearning, 3)
    if (card.state === 2 || card.state === 3) learned += 1;
    if (card.state === 2) remembered += 1;
    const due = dayOf(new Date(Math.max(Date.parse(card.due), now.getTime())));
    const slot = week.find((entry) => entry.day === due);
    if (slot) slot.due += 1;
  }
  const recent = Object.entries(days).sort().slice(-7);
  return { streak: streak(days, now), today: days[dayOf(now)] || 0, recent: recent, week: week,
    remembered: learned ? Math.round(100 * remembered / learned) : null, perSource: perSource };
}
