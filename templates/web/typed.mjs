/* Typed answers: an answer is right only in an accepted form (the answer or an alternative, compared
   without case, accents, punctuation or a leading article); anything else the learner judges, seeing
   what they typed beside what was expected. */

const ARTICLE = /^(the|a|an) /;

export function normalise(text) {
  return String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim().replace(ARTICLE, "");
}

/* {typed, right, accepted}: right is true only for an accepted form; otherwise the learner decides. */
export function judge(typed, fact) {
  const mine = normalise(typed);
  const accepted = [fact.a].concat(fact.alt || []).find((form) => mine !== "" && normalise(form) === mine);
  return { typed: typed.trim(), right: accepted !== undefined, accepted: accepted || null };
}
