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
  {
    // The pure core (DESIGN.md): no Azure SDK, no database, no mail, no environment, no clock. Adapters
    // live in shared/adapters and are handed in by the shells (functions/, orchestrations/activities/).
    files: [
      "shared/calendar/**/*.ts",
      "shared/policy/**/*.ts",
      "shared/case/**/*.ts",
      "shared/verification/**/*.ts",
      "shared/mail-templates/**/*.ts",
      "shared/reports/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@azure/*", "durable-functions"], message: "The core stays free of Azure SDKs." },
            {
              group: ["**/adapters/**", "**/config/**", "**/logging/**"],
              message: "The core gets settings and ports handed in; it does not reach for them.",
            },
            {
              group: [
                "node:fs",
                "node:fs/*",
                "node:http",
                "node:https",
                "node:net",
                "node:child_process",
                "fs",
                "http",
                "https",
              ],
              message: "No I/O in the core.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "The core takes `now` as an argument.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "The core takes `now` as an argument.",
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Settings are handed in, not read from the environment.",
        },
      ],
    },
  },
);
