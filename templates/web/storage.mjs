/* Where progress is kept: the browser's localStorage, or memory when the browser refuses it. */

/* localStorage when the browser allows it; else memory, with the reason (export still works). */
export function browserStorage() {
  try {
    const storage = window.localStorage;
    storage.setItem("quizgen:probe", "1");
    storage.removeItem("quizgen:probe");
    return { storage: storage, problem: null };
  } catch (error) {
    return { storage: memoryStorage(), problem: "This browser does not let the page keep progress (" +
      error.message + "): export it before you close the page." };
  }
}

/* The Storage interface over a Map: for browsers that refuse storage, and for unit tests. */
export function memoryStorage(limit) {
  const kept = new Map();
  return {
    get length() { return kept.size; },
    key: (index) => Array.from(kept.keys())[index] ?? null,
    getItem: (key) => (kept.has(key) ? kept.get(key) : null),
    setItem: (key, value) => {
      const text = String(value);
      const used = Array.from(kept.values()).reduce((sum, item) => sum + item.length, 0) - (kept.get(key) || "").length;
      if (limit !== undefined && used + text.length > limit) throw new Error("exceeded the quota");
      kept.set(key, text);
    },
    removeItem: (key) => { kept.delete(key); },
  };
}
