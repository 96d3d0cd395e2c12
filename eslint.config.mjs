import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": ["warn", { allow: ["warn", "error"] }],
      // A Pages Router rule: behind the App Router's catch-all 404 page it takes every
      // link to a route handler (downloads, exports) for a page link.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
  {
    // Prisma stays behind lib/: pages and components call use cases, never the client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/generated/prisma/*", "@prisma/*"], message: "Reach the database through lib/<domain> use cases." },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**/*.ts", "prisma/seed/**/*.ts", "bench/**/*.ts", "e2e/**/*.ts", "tests/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // next.config.js and the cache handler are CommonJS (the package is not "type": "module").
    files: ["next.config.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
];

export default config;
