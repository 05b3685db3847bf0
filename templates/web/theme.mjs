/* Night mode: the system's setting until the ◐ button switches it; the choice is remembered. */

import { $ } from "./dom.mjs";

export function setUpTheme(storage) {
  const root = document.documentElement;
  const saved = storage.getItem("quizgen:theme");
  if (saved === "dark" || saved === "light") root.dataset.theme = saved;
  const dark = () => (root.dataset.theme ? root.dataset.theme === "dark"
    : window.matchMedia("(prefers-color-scheme: dark)").matches);
  $("theme").setAttribute("aria-pressed", String(dark()));
  $("theme").addEventListener("click", () => {
    root.dataset.theme = dark() ? "light" : "dark";
    $("theme").setAttribute("aria-pressed", String(dark()));
    try { storage.setItem("quizgen:theme", root.dataset.theme); } catch (error) { /* not kept: fine */ }
  });
}
