/* Small DOM helpers: bank text is only ever set as textContent, never parsed as markup. */

export const $ = (id) => document.getElementById(id);

export const KIND_NAMES = { year: "Year", date: "Date", number: "Number", person: "Person", place: "Place",
  organization: "Organization", document: "Document", event: "Event", term: "Term" };

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function showText(id, text, prefix) {
  const node = $(id);
  node.hidden = !text;
  node.textContent = text ? (prefix || "") + text : "";
}

/* "1 card", "2 cards": counts read as English. */
export function plural(count, word, many) {
  return count + " " + (count === 1 ? word : many || word + "s");
}

/* Tell screen readers something new happened (the region is a polite status, visually hidden). */
export function announce(text) {
  $("announce").textContent = text;
}
