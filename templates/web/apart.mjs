/* Give-away pairs (computed by quizgen/questions/giveaways.py, listed in the page data): two cards
   where one states what the other asks are never shown one right after the other. */

/* The pairs as a lookup: fact id -> the ids it gives away or is given away by. */
export function partners(pairs) {
  const found = new Map();
  for (const [one, two] of pairs || []) {
    for (const [id, other] of [[one, two], [two, one]]) {
      if (!found.has(id)) found.set(id, new Set());
      found.get(id).add(other);
    }
  }
  return found;
}

/* Whether facts `one` and `two` (or ids) are a give-away pair. */
export function paired(lookup, one, two) {
  if (!one || !two) return false;
  const set = lookup.get(one.id || one);
  return Boolean(set) && set.has(two.id || two);
}

/* The first of `candidates` (in order of preference) that is not paired with `previous`; the first
   candidate only when every one is paired with it (nothing else could come). */
export function apart(candidates, previous, lookup) {
  for (const candidate of candidates) if (!paired(lookup, candidate, previous)) return candidate;
  return candidates.length ? candidates[0] : null;
}

/* `facts` in an order where no neighbours are a pair whenever such an order exists, as near the given
   order as it can be: the first such order in the given order of preference (a depth-first search,
   each place taking the earliest fact left that fits). A search that runs long (a big set that cannot
   be arranged) ends with the facts left placed each into the first gap that fits, else at the end. */
export function spaced(facts, lookup, budget = 50000) {
  const order = [];
  const used = new Array(facts.length).fill(false);
  let steps = 0;
  const place = () => {
    if (order.length === facts.length) return true;
    const previous = order.length ? order[order.length - 1] : null;
    for (let index = 0; index < facts.length; index += 1) {
      if (used[index] || paired(lookup, facts[index], previous)) continue;
      if ((steps += 1) > budget) return false;
      used[index] = true;
      order.push(facts[index]);
      if (place()) return true;
      order.pop();
      used[index] = false;
    }
    return false;
  };
  if (place()) return order;
  order.length = 0;
  for (const fact of facts) {
    const gap = order.findIndex((_, at) => !paired(lookup, fact, order[at]) && (at === 0 || !paired(lookup, fact, order[at - 1])));
    if (gap >= 0) order.splice(gap, 0, fact);
    else order.push(fact);
  }
  return order;
}
