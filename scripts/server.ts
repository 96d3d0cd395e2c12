/**
 * Comptoir's HTTP server: Next.js behind a thin Node server of our own, so that
 * every request carries its real client address (the dev mailbox answers only this
 * machine; rate limits count per address), a malformed URL gets a 400 before
 * Next.js trips on it, and a stop drains in-flight requests. The background worker
 * (lib/jobs) runs in the same process unless WORKER=false.
 *
 *   node --import tsx scripts/server.ts [--dev]
 *
 * `npm start` runs it for you after preparing the database; run it directly only
 * with DATABASE_URL, NEXTAUTH_URL and NEXTAUTH_SECRET set.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { parseEnv } from "@/lib/env";
import { finishCachedPages, keepPageAnswersPrivate } from "@/lib/http/cached-page-response";
import { describeProxyTrust, proxyTrust, resolveClientAddress, stampClientAddress } from "@/lib/http/client-address";
import { publicPath } from "@/lib/http/public-path";
import { isMalformedUrl } from "@/lib/http/security-headers";
import { log } from "@/lib/log/logger";
import type { WorkerHandle } from "@/lib/jobs/runner";
import { startWorkerFromEnv } from "./lib/worker-from-env";

const dev = process.argv.includes("--dev");
const config = parseEnv();
// Read by lib/http/client-address.ts: the stamped headers come from us.
process.env.COMPTOIR_SERVER = "1";

const DRAIN_MS = 10_000;
const trust = proxyTrust(config);

async function main(): Promise<void> {
  // tsx turns Node's source-map support on; in production it would keep every
  // server chunk's map and sources in memory (~25 MB) for prettier stack traces.
  if (!dev) process.setSourceMapsEnabled(false);
  const app = next({ dev, port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  let stopping = false;
  const logger = log();
  const server = http.createServer((request, response) => {
    // One log line per request: its id (also sent back), what was asked (ids and tokens hidden), the outcome, the time taken.
    const started = process.hrtime.bigint();
    const given = request.headers["x-request-id"];
    const requestId = typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    response.setHeader("X-Request-Id", requestId);
    response.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = response.statusCode;
      logger.info(
        {
          kind: "request",
          requestId,
          method: request.method,
          path: safePath(request.url),
          action: request.headers["next-action"] ? "server-action" : undefined,
          actor: /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token=/.test(String(request.headers.cookie ?? "")) ? "user" : "visitor",
          status,
          outcome: status >= 500 ? "error" : status >= 400 ? "refused" : "ok",
          ms: Math.round(ms * 10) / 10,
        },
        "request",
      );
    });
    // While draining, each answer closes its connection: a keep-alive client reconnects elsewhere (the balancer's next instance).
    if (stopping) response.setHeader("Connection", "close");
    if (isMalformedUrl(request.url ?? "/")) {
      response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" }).end("Requête invalide / Bad request");
      return;
    }
    stampClientAddress(request.headers, resolveClientAddress(request.socket.remoteAddress, request.headers, trust));
    keepPageAnswersPrivate(request, response);
    finishCachedPages(request, response, dev);
    void handle(request, response);
  });
  // The background worker runs beside the web server unless WORKER=false (then `npm run worker`).
  const worker: WorkerHandle | null = config.WORKER ? await startWorkerFromEnv(config) : null;
  logger.info({ kind: "server", proxyTrust: trust.mode }, describeProxyTrust(trust));
  server.listen(config.PORT, () => logger.info({ kind: "server", port: config.PORT, worker: Boolean(worker), dev }, `Listening on port ${config.PORT}${dev ? " (development)" : ""}${worker ? ", with the background worker" : ""}`));

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ kind: "server", signal }, `${signal}: finishing requests and jobs in progress…`);
    const forced = setTimeout(() => process.exit(0), DRAIN_MS);
    forced.unref();
    // No new connections; requests in flight finish (their connections then close); idle keep-alive ones close now.
    const webDone = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    idleSweep.unref();
    // Jobs running finish, queued ones stay in the queue for another instance (graphile-worker's graceful stop).
    void Promise.all([webDone, worker?.stop()]).finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

/**
 * The request's path as the log shows it: ids and tokens hidden (lib/http/public-path.ts),
 * the query's names without their values (a search or an address may be personal).
 */
function safePath(url: string | undefined): string {
  try {
    const parsed = new URL(publicPath(`http://server${url ?? "/"}`), "http://server");
    const names = [...new Set(parsed.searchParams.keys())];
    return `${parsed.pathname}${names.length ? `?${names.join("&")}` : ""}`;
  } catch {
    return "(malformed)";
  }
}

main().catch((error: unknown) => {
  log().fatal({ err: error }, "the server could not start");
  process.exit(1);
});
