/* The timeline: every dated fact on one time axis, labelled by article or topic, linked to its card. */

import { element } from "./dom.mjs";

export class Timeline {
  constructor(bank) {
    this.bank = bank;
    // ISO dates sort as text: "2002" < "2002-05" < "2002-05-28"
    this.events = bank.facts.filter((fact) => fact.when).sort((a, b) =>
      a.when < b.when ? -1 : a.when > b.when ? 1 : 0);
  }

  groupsOf(fact, by) {
    if (by === "tag") return fact.tags.length ? fact.tags : ["untagged"];
    return fact.cites.map((cite) => this.bank.sources[cite.source].label);
  }

  groups(by) {
    const names = new Set();
    for (const fact of this.events) for (const name of this.groupsOf(fact, by)) names.add(name);
    return Array.from(names).sort();
  }

  /* Draw the axis: a heading per year, then that year's events in order. */
  render(list, by, only) {
    list.replaceChildren();
    let year = null;
    for (const fact of this.events) {
      const groups = this.groupsOf(fact, by);
      if (only && !groups.includes(only)) continue;
      const thisYear = fact.when.slice(0, 4);
      if (thisYear !== year) {
        year = thisYear;
        const heading = element("li", null, "year");
        heading.append(element("h3", year));
        list.append(heading);
      }
      list.append(this.item(fact, groups));
    }
    if (!list.children.length) list.append(element("li", "No dated facts in this group.", "empty"));
  }

  item(fact, groups) {
    const item = element("li", null, "event " + fact.stance);
    item.id = "event-" + fact.id;
    const time = element("time", fact.date);
    time.dateTime = fact.when;
    const link = element("a", fact.event || fact.q, "to-card");
    link.href = "#card/" + encodeURIComponent(fact.id);
    const chips = element("span", null, "chips");
    for (const name of groups) chips.append(element("span", name, "chip"));
    if (fact.stance !== "fact") chips.append(element("span", fact.stance, "chip stance-chip"));
    item.append(time, link, chips);
    return item;
  }
}
