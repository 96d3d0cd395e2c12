// @ts-check
/**
 * Next.js cache handler (next.config.js `cacheHandler`) for every `next start`
 * instance on one database. Entries (cached pages and unstable_cache reads) live in
 * this process's memory; what invalidates them travels through PostgreSQL:
 *
 * - database triggers (migration *_catalog_cache_notify) send the tag of every
 *   catalog row that changes on the `comptoir_cache` channel, in the writer's own
 *   transaction, so it is announced exactly when it commits, whoever wrote it
 *   (a page, the background worker, an import, psql);
 * - revalidateTag/revalidatePath calls of Next.js are sent on the same channel;
 * - every instance LISTENs and drops the entries carrying an announced tag.
 *
 * Correctness rules (docs/decisions/0007):
 * - an entry is dated from the first miss that led to its render, so a change
 *   committed while it was being rendered still invalidates it;
 * - nothing is cached while the listener is not connected, and every entry is
 *   dropped when it (re)connects: a lost notification can never leave a stale page;
 *   a restarted instance starts empty.
 *
 * Plain CommonJS: Next.js loads it with require(), in the build too.
 */
const CHANNEL = "comptoir_cache";
const TAGS_HEADER = "x-next-cache-tags";
const MAX_BYTES = Number(process.env.CACHE_MAX_MB ?? 64) * 1024 * 1024;
const RECONNECT_MS = 1000;

/**
 * @typedef {{ value: any; lastModified: number; cacheControl: any; tags: string[]; bytes: number }} Entry
 * @typedef {{ entries: Map<string, Entry>; bytes: number; tagTimes: Map<string, number>; firstMiss: Map<string, number>;
 *   client: any; listening: boolean; listenSince: number; connecting: boolean; stats: { hits: number; misses: number; sets: number; invalidations: number } }} Shared
 */

/** One store per process, whichever copy of this module Next.js loaded. */
function shared() {
  const key = Symbol.for("comptoir.sharedCache");
  const holder = /** @type {Record<symbol, Shared>} */ (/** @type {unknown} */ (globalThis));
  if (!holder[key]) {
    holder[key] = { entries: new Map(), bytes: 0, tagTimes: new Map(), firstMiss: new Map(), client: null, listening: false, listenSince: 0, connecting: false, stats: { hits: 0, misses: 0, sets: 0, invalidations: 0 } };
  }
  return holder[key];
}

function cachingPossible() {
  return Boolean(process.env.DATABASE_URL) && process.env.NEXT_PHASE !== "phase-production-build" && process.env.COMPTOIR_PAGE_CACHE !== "off";
}

function dropAll(/** @type {Shared} */ state) {
  state.entries.clear();
  state.bytes = 0;
  state.firstMiss.clear();
}

function startListening() {
  const state = shared();
  if (state.listening || state.connecting || !cachingPossible()) return;
  state.connecting = true;
  const { Client } = require("pg");
  const client = new Client({ connectionString: process.env.DATABASE_URL, application_name: "comptoir-cache-listener" });
  const lost = () => {
    if (state.client !== client && !state.connecting) return;
    state.listening = false;
    state.connecting = false;
    state.client = null;
    dropAll(state);
    client.end().catch(() => {});
    setTimeout(startListening, RECONNECT_MS).unref();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (/** @type {{ channel: string; payload?: string }} */ message) => {
    if (message.channel !== CHANNEL || !message.payload) return;
    state.stats.invalidations++;
    if (message.payload === "*") dropAll(state);
    else state.tagTimes.set(message.payload, Date.now());
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${CHANNEL}`))
    .then(() => {
      state.client = client;
      dropAll(state);
      state.listenSince = Date.now();
      state.listening = true;
      state.connecting = false;
    })
    .catch(lost);
}

/** @param {any} value */
function tagsOf(value) {
  if (!value) return [];
  if (value.kind === "FETCH") return Array.isArray(value.tags) ? value.tags : [];
  const header = value.headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",") : [];
}

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 0;
  let bytes = 256;
  if (typeof value.html === "string") bytes += value.html.length;
  if (value.rscData?.length) bytes += value.rscData.length;
  if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += segment?.length ?? 0;
  if (value.body?.length) bytes += value.body.length;
  if (typeof value.data?.body === "string") bytes += value.data.body.length;
  return bytes;
}

function invalidatedSince(/** @type {Shared} */ state, /** @type {string[]} */ tags, /** @type {number} */ since) {
  return tags.some((tag) => (state.tagTimes.get(tag) ?? 0) >= since);
}

class SharedCacheHandler {
  constructor(/** @type {unknown} */ _options) {
    startListening();
  }

  /** @param {string} key @param {{ tags?: string[]; softTags?: string[] }} [ctx] */
  async get(key, ctx) {
    const state = shared();
    const entry = state.listening ? state.entries.get(key) : undefined;
    if (entry && !invalidatedSince(state, [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])], entry.lastModified)) {
      state.stats.hits++;
      // Least recently used goes first when memory is short: move this one to the end.
      state.entries.delete(key);
      state.entries.set(key, entry);
      return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
    }
    if (entry) this.#remove(state, key);
    state.stats.misses++;
    if (!state.firstMiss.has(key)) state.firstMiss.set(key, Date.now());
    return null;
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[]; cacheControl?: unknown }} [ctx] */
  async set(key, data, ctx) {
    const state = shared();
    const since = state.firstMiss.get(key) ?? Date.now();
    state.firstMiss.delete(key);
    this.#remove(state, key);
    if (!data || !state.listening || since < state.listenSince) return;
    const tags = [...new Set([...tagsOf(data), ...(ctx?.tags ?? [])])];
    if (invalidatedSince(state, tags, since)) return;
    const entry = { value: data, lastModified: since, cacheControl: ctx?.cacheControl, tags, bytes: sizeOf(data) };
    state.entries.set(key, entry);
    state.bytes += entry.bytes;
    state.stats.sets++;
    for (const [oldest, old] of state.entries) {
      if (state.bytes <= MAX_BYTES) break;
      state.entries.delete(oldest);
      state.bytes -= old.bytes;
    }
  }

  /** Next.js's revalidateTag/revalidatePath: here at once, on the other instances through the channel. @param {string | string[]} tags */
  async revalidateTag(tags) {
    const state = shared();
    const list = typeof tags === "string" ? [tags] : tags;
    const now = Date.now();
    for (const tag of list) state.tagTimes.set(tag, now);
    // One statement for all tags (a pg client runs one query at a time).
    if (state.client && list.length > 0) await state.client.query("SELECT pg_notify($1, tag) FROM unnest($2::text[]) AS tag", [CHANNEL, list]).catch(() => {});
  }

  resetRequestCache() {}

  /** @param {Shared} state @param {string} key */
  #remove(state, key) {
    const old = state.entries.get(key);
    if (!old) return;
    state.entries.delete(key);
    state.bytes -= old.bytes;
  }
}

/** For tests and the health route: how the cache is doing in this process. */
function cacheStatus() {
  const state = shared();
  return { listening: state.listening, entries: state.entries.size, bytes: state.bytes, ...state.stats };
}

module.exports = SharedCacheHandler;
module.exports.cacheStatus = cacheStatus;
