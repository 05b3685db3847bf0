/* Typed answers: right only when the typed text has the key of a form the terminal quiz grades correct
   (the build lists those keys per fact, checked by the terminal's own grader: fact.typed); anything
   else the learner judges, seeing what they typed beside what was expected. */

const POSSESSIVE = /(?<=[\p{L}\p{N}_])['\u2019]s(?![\p{L}\p{N}_])/gu;  // the terminal drops only a lower-case 's
const DOTS = /(?<=[\p{L}\p{Nl}\p{No}])\.(?=[\p{L}\p{Nl}\p{No}]|\s|$)/gu;  // U.S. is US (as Python's [^\W\d_])
const SEPARATORS = new Set(".,;:!?'\"()[]{}-_\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201a\u201b" +
  "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2026");
const ARTICLES = ["the", "a", "an"];
const DOT_GROUPS = /(?<![\p{Nd}.])\p{Nd}{1,3}(?:\.\p{Nd}{3}){2,}(?![\p{Nd}.])/gu;  // as grading/quantity.py
const GROUP_MARK = /(?<=\p{Nd})[,\u2009\u202f\u00a0 ](?=\p{Nd}{3}(?!\p{Nd}))/gu;
const DIGIT = /\p{Nd}/u;

/* The same steps as quizgen/web/typed.py page_key: accents and case folded, digit groups joined as the
   terminal joins them ("1,500" is 1500), separators are spaces but a word between two digits ("1.500",
   "1-500"), any other sign ("%", "&", "$") a word of its own, leading articles dropped. */
export function normalise(text) {
  const folded = String(text).replace(POSSESSIVE, "").replace(DOTS, "").normalize("NFKD")
    .replace(/(?![\u0334-\u0338])\p{Mn}/gu, "").toLowerCase()  // a strike-through overlay stays
    .replace(DOT_GROUPS, (group) => group.replaceAll(".", ""))
    .replace(GROUP_MARK, "").replace(GROUP_MARK, "");  // twice: overlapping groups, as the terminal
  const chars = Array.from(folded);
  const words = [];
  let word = "";
  chars.forEach((char, at) => {
    if (/[\p{L}\p{N}]/u.test(char)) { word += char; return; }
    if (word) words.push(word);
    word = "";
    const betweenDigits = DIGIT.test(chars[at - 1] ?? "") && DIGIT.test(chars[at + 1] ?? "");
    const minus = char === "-" && (at === 0 || /\s/u.test(chars[at - 1])) && DIGIT.test(chars[at + 1] ?? "");
    if (!/\s/u.test(char) && (!SEPARATORS.has(char) || betweenDigits || minus)) words.push(char);
  });
  if (word) words.push(word);
  while (words.length > 1 && ARTICLES.includes(words[0])) words.shift();
  return words.join(" ");
}

/* {typed, right}: right is true only for a key the terminal's grader accepted; otherwise the learner decides. */
export function judge(typed, fact) {
  const mine = normalise(typed);
  return { typed: String(typed).trim(), right: mine !== "" && (fact.typed || []).includes(mine) };
}
