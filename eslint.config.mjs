import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".caseclock-local/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Orchestrators must be deterministic: time comes from context.df.currentUtcDateTime only.
    files: ["orchestrations/**/*.ts"],
    ignores: ["orchestrations/activities/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Orchestrators read time from context.df.currentUtcDateTime.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Orchestrators read time from context.df.currentUtcDateTime.",
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Orchestrators must be deterministic.",
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration in activities, not orchestrators.",
        },
      ],
    },
  },
);
