import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { isCachedPage, isLocalizedPage } from "./locale-routing";
import { contentSecurityPolicyForHashes } from "./security-headers";

/** Inline scripts (no src attribute) of an HTML document, as the browser hashes them. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]) hashes.add(createHash("sha256").update(match[1], "utf8").digest("base64"));
  }
  return [...hashes];
}

type Finished = { etag: string; csp: string; gzipped: Buffer | null };

/** The same cached page is sent many times: its ETag, policy and gzip are computed once per version of its HTML. */
const finishedByDigest = new Map<string, Finished>();
const MAX_REMEMBERED = 256;

function finish(body: Buffer, gzip: boolean, dev: boolean): Finished {
  // Native SHA-1 of the body (Next.js's own ETag, a JavaScript hash of the string, is turned off: it cost more than the page).
  const digest = createHash("sha1").update(body).digest("base64url");
  const key = `${digest}|${gzip}`;
  const known = finishedByDigest.get(key);
  if (known) return known;
  const gzipped = gzip && body.length > 1024 ? gzipSync(body, { level: 6 }) : null;
  // One ETag per representation: the gzipped body is not the same bytes.
  const finished = { etag: gzipped ? `"${digest}-gz"` : `"${digest}"`, csp: contentSecurityPolicyForHashes(inlineScriptHashes(body.toString("utf8")), dev), gzipped };
  if (finishedByDigest.size >= MAX_REMEMBERED) finishedByDigest.delete(finishedByDigest.keys().next().value as string);
  finishedByDigest.set(key, finished);
  return finished;
}

function isDocumentRequest(request: IncomingMessage): boolean {
  if (request.method !== "GET") return false;
  if (request.headers.rsc || request.headers["next-router-prefetch"] || request.headers["next-action"]) return false;
  const pathname = (request.url ?? "/").split("?")[0] ?? "/";
  return isLocalizedPage(pathname) && isCachedPage(pathname);
}

/**
 * Every page answer — HTML, and the RSC and prefetch payloads of the same address —
 * depends on cookies (the language; a previewer's town): no shared cache in front
 * (a CDN, nginx's proxy_cache) may keep one visitor's copy for another. Next.js marks
 * the payloads of its cached pages `s-maxage=…`, for a shared cache: they become
 * private here, with the cookie in Vary for any cache that ignores `private`.
 */
export function keepPageAnswersPrivate(request: IncomingMessage, response: ServerResponse): void {
  const pathname = (request.url ?? "/").split("?")[0] ?? "/";
  if (!isLocalizedPage(pathname)) return;
  const writeHead = response.writeHead.bind(response);
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    const given = rest.find((value) => typeof value === "object" && value !== null) as Record<string, string | string[]> | undefined;
    if (given) for (const [name, value] of Object.entries(given)) response.setHeader(name, value);
    const cacheControl = String(response.getHeader("cache-control") ?? "");
    if (!/\b(private|no-store)\b/i.test(cacheControl)) response.setHeader("Cache-Control", "private, no-cache");
    const vary = String(response.getHeader("vary") ?? "");
    if (!/\bcookie\b/i.test(vary)) response.setHeader("Vary", vary ? `${vary}, Cookie` : "Cookie");
    const message = rest.find((value) => typeof value === "string") as string | undefined;
    return message === undefined ? writeHead(status) : writeHead(status, message);
  }) as typeof response.writeHead;
}

/**
 * For pages served from the shared cache (lib/http/locale-routing.ts): holds the
 * HTML Next.js sends, adds the Content-Security-Policy allowing exactly its inline
 * scripts (a nonce cannot live in a page shared by everyone), marks it private
 * (the same address serves French or English by cookie, so no shared proxy may
 * keep it) and compresses it. Next.js's own compression is turned off for these
 * requests only, so that the hashes are computed on the plain HTML.
 */
export function finishCachedPages(request: IncomingMessage, response: ServerResponse, dev: boolean): void {
  if (!isDocumentRequest(request)) return;
  const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
  const ifNoneMatch = request.headers["if-none-match"];
  delete request.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const original = { writeHead: response.writeHead.bind(response), write: response.write.bind(response), end: response.end.bind(response) };
  let head: { status: number; headers?: unknown } | null = null;
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    head = { status, headers: rest.find((value) => typeof value === "object" && value !== null) };
    return response;
  }) as typeof response.writeHead;
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") queueMicrotask(() => (done as () => void)());
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(toBuffer(chunk, encoding));
    const done = [chunk, encoding, callback].find((value) => typeof value === "function") as (() => void) | undefined;
    if (head?.headers) for (const [name, value] of Object.entries(head.headers as Record<string, string | string[]>)) response.setHeader(name, value);
    const status = head?.status ?? response.statusCode;
    const body = Buffer.concat(chunks);
    const isHtml = String(response.getHeader("content-type") ?? "").startsWith("text/html");
    if (isHtml && body.length > 0 && !response.hasHeader("content-security-policy")) {
      const finished = finish(body, acceptsGzip, dev);
      response.setHeader("ETag", finished.etag);
      response.setHeader("Content-Security-Policy", finished.csp);
      response.setHeader("Cache-Control", "private, no-cache");
      const vary = response.getHeader("vary");
      if (!/accept-encoding/i.test(String(vary ?? ""))) response.setHeader("Vary", vary ? `${String(vary)}, Accept-Encoding` : "Accept-Encoding");
      if (status === 200 && ifNoneMatch === finished.etag) {
        original.writeHead(304);
        return original.end(done);
      }
      if (finished.gzipped) {
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Content-Length", finished.gzipped.length);
        original.writeHead(status);
        return original.end(finished.gzipped, done);
      }
      response.setHeader("Content-Length", body.length);
    }
    original.writeHead(status);
    return original.end(body, done);
  }) as typeof response.end;
}
