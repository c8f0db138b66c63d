import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", ".cache/**", "node_modules/**", "db/migrations/**", "tests/results/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["#app/routes/*"], message: "Routes never import other routes: move shared code to a module or component." }] },
      ],
    },
  },
  {
    files: ["app/components/**", "app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["#db/*", "!#db/schema/*"], message: "UI code reaches the database only through app/modules/*.server.ts." },
            { group: ["#app/routes/*"], message: "Routes never import other routes." },
          ],
        },
      ],
    },
  },
);
