// ESLint for the site's own scripts (docs/assets/js): plain browser scripts, no modules, no build step.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "prefer-const": "error",
      "no-var": "error",
      eqeqeq: "error",
      strict: ["error", "function"],
    },
  },
];
