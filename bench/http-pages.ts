/**
 * Load scenario: storefront pages over real HTTP against a running Comptoir
 * (start it first with `npm start`).
 *   npm run bench:pages [-- --url http://localhost:3000 --requests 500 --concurrency 16]
 */
import { parseArgs } from "node:util";
import { report, runPool } from "./stats";

const { values } = parseArgs({
  options: { url: { type: "string", default: "http://localhost:3000" }, requests: { type: "string", default: "500" }, concurrency: { type: "string", default: "16" } },
});
const base = values.url.replace(/\/$/, "");
const pages = ["/", "/boutiques/boulangerie-du-marche", "/recherche?q=pain", "/api/health"];

async function main() {
  for (const page of pages) {
    let failures = 0;
    const run = await runPool(Number(values.requests), Number(values.concurrency), async () => {
      const response = await fetch(`${base}${page}`);
      await response.arrayBuffer();
      if (!response.ok) failures++;
    });
    console.log(report(`GET ${page}`, run.latencies, run.elapsedMs, { errors: run.errors + failures }));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
