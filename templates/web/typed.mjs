/* Typed answers: right only when the typed text has the key of a form the terminal quiz grades correct
   (the build lists those keys per fact, checked by the terminal's own grader: fact.typed); anything
   else the learner judges, seeing what they typed beside what was expected. */

const POSSESSIVE = /(?<=[\p{L}\p{N}_])['\u2019]s(?![\p{L}\p{N}_])/gu;  // the terminal drops only a lower-case 's
const DOTS = /(?<=[\p{L}\p{Nl}\p{No}])\.(?=[\p{L}\p{Nl}\p{No}]|\s|$)/gu;  // U.S. is US (as Python's [^\W\d_])
const SEPARATORS = new Set(".,;:!?'\"()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b" +
  "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2026");
const GLUED = new Set("!-\u2010\u2011");  // before a word: maybe "not" to the terminal
const ARTICLES = ["the", "a", "an"];
const DIGIT_GAP = /(?<=\p{Nd})([^\p{L}\p{N}]+)(?=\p{Nd})/u;  // what stands between two digits, kept whole

/* The words of a text with no two digits parted by anything: runs of letters and digits, and each
   sign the terminal reads (a "!" or dash glued before a word among them). */
function words(text) {
  const chars = Array.from(text);
  const found = [];
  let word = "";
  chars.forEach((char, at) => {
    if (/[\p{L}\p{N}]/u.test(char)) { word += char; return; }
    if (word) found.push(word);
    word = "";
    const next = chars[at + 1] ?? "";
    const glued = GLUED.has(char) && (at === 0 || /[\s(]/u.test(chars[at - 1])) && next !== "" && !/\s/u.test(next);
    if (!/\s/u.test(char) && (!SEPARATORS.has(char) || glued)) found.push(char);
  });
  if (word) found.push(word);
  return found;
}

/* The same steps as quizgen/web/typed.py page_key: accents and case folded, whatever parts two digits
   kept exactly ("1,500", "1 500", "1 - 500": the build lists each grouping the terminal takes), other
   separators spaces, any other sign ("%", "&", "$") a word of its own, leading
   articles dropped. */
export function normalise(text) {
  const folded = String(text).replace(POSSESSIVE, "").replace(DOTS, "").normalize("NFKD")
    .replace(/(?![\u0334-\u0338])\p{Mn}/gu, "").toLowerCase();  // a strike-through overlay stays
  const found = folded.split(DIGIT_GAP).flatMap((part, at) => (at % 2 ? [part] : words(part)));
  while (found.length > 1 && ARTICLES.includes(found[0])) found.shift();
  return found.join(" ");
}

/* {typed, right}: right is true only for a key the terminal's grader accepted; otherwise the learner decides. */
export function judge(typed, fact) {
  const mine = normalise(typed);
  return { typed: String(typed).trim(), right: mine !== "" && (fact.typed || []).includes(mine) };
}
