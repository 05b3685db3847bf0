// ESLint for the study page's modules, the Anki card's script and these tests: no undeclared or implicit globals (F23).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/node_modules/**", "**/vendor/**"] },
  js.configs.recommended,
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
    rules: {
      "no-implicit-globals": "error",
      "no-undef": "error",
      "no-unused-vars": ["error", { caughtErrors: "none", argsIgnorePattern: "^_" }],
      "no-shadow": "error",
      eqeqeq: "error",
    },
  },
  { files: ["tests/js/**"], languageOptions: { globals: { ...globals.node } } },
  // The Anki card's script runs as a classic script inside Anki's web view (no modules there).
  { files: ["templates/anki/**/*.js"], languageOptions: { sourceType: "script" } },
];
