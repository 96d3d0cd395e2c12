import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Next.js resolves "server-only" to an empty module on the server; so do tests.
  "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/*.http.test.ts", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["lib/**/*.int.test.ts", "app/**/*.int.test.ts", "scripts/**/*.int.test.ts", "prisma/**/*.int.test.ts", "tests/**/*.int.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file has its own database; two workers fit the 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // Real HTTP against production servers (scripts/server.ts on the last
          // `next build`), each file on its own copy of a seeded demo database.
          name: "http",
          environment: "node",
          include: ["**/*.http.test.ts"],
          exclude: ["node_modules/**"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The servers under test take the machine's two cores.
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          // Proof under faults (issue #13): two production instances on an embedded PostgreSQL of
          // the test's own (it restarts it), kill -9, races over HTTP. `npm run test:chaos`.
          name: "chaos",
          environment: "node",
          include: ["tests/chaos/**/*.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          // pa11y, the second accessibility opinion besides axe (issue #12), on the production
          // build and the demo data: its own stage after the end-to-end tests. `npm run test:a11y`.
          name: "a11y",
          environment: "node",
          include: ["tests/a11y/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 300_000,
          hookTimeout: 240_000,
          maxWorkers: 1,
        },
      },
      {
        resolve: { alias },
        test: {
          // The Lighthouse budget (issue #11), its own stage at the end of scripts/test-all.sh:
          // it measures the browser's CPU time and wants a quiet machine. `npm run test:lighthouse`.
          name: "lighthouse",
          environment: "node",
          include: ["tests/lighthouse/**/*.test.ts"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
        },
      },
    ],
  },
});
