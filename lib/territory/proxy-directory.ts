import pg from "pg";
import { poolConfigFromUrl } from "@/lib/db/connection";
import { buildDirectory, type DirectoryRow } from "./directory";
import { DIRECTORY_SQL } from "./directory-query";
import { LIVE_PREVIEW_PASSES_SQL, livePassesBySlug, type LivePassRow } from "./preview-passes";
import type { TerritoryDirectory } from "./routing";

/**
 * The territory directory as proxy.ts reads it on every request (with the towns'
 * live preview passes): kept in memory
 * and read again from the database in the background once it is 5 seconds old
 * (new domains and towns are rare; no request waits for the refresh once it has
 * been loaded). Its own one-connection pool: the proxy is bundled apart from the
 * app, and the Prisma client is not worth loading a second time for one query.
 */
const MAX_AGE_MS = 5_000;

type State = { directory: TerritoryDirectory | null; loadedAt: number; loadStartedAt: number; loading: Promise<TerritoryDirectory> | null; pool: pg.Pool | null };
const state = ((globalThis as { comptoirTerritoryDirectory?: State }).comptoirTerritoryDirectory ??= { directory: null, loadedAt: 0, loadStartedAt: 0, loading: null, pool: null });

function settings() {
  return { defaultSlug: process.env.DEFAULT_TERRITORY || "grand-poitiers", platformUrl: process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? 3000}` };
}

async function load(): Promise<TerritoryDirectory> {
  try {
    if (!state.pool) {
      state.pool = new pg.Pool({ ...poolConfigFromUrl(process.env.DATABASE_URL ?? ""), max: 1, idleTimeoutMillis: 30_000 });
      state.pool.on("error", () => {}); // an idle connection dropped by the server: the next query opens another
    }
    const { rows } = await state.pool.query<DirectoryRow>(DIRECTORY_SQL);
    const passes = await state.pool.query<LivePassRow>(LIVE_PREVIEW_PASSES_SQL);
    state.directory = { ...buildDirectory(rows, settings()), livePreviewPasses: livePassesBySlug(passes.rows) };
    state.loadedAt = Date.now();
  } catch (error) {
    // Database unreachable: keep what we had; before anything, the root town only (its pages will say what is wrong).
    console.warn(`Territory directory not refreshed: ${(error as Error).message}`);
    state.directory ??= buildDirectory([{ slug: settings().defaultSlug, status: "LIVE", hosts: [] }], settings());
  } finally {
    state.loading = null;
  }
  return state.directory;
}

/** A read of the directory that starts after `after` (waits for one in flight that started before). */
async function loadStartedAfter(after: number): Promise<TerritoryDirectory> {
  if (state.loading && state.loadStartedAt >= after) return state.loading;
  if (state.loading) await state.loading.catch(() => undefined);
  if (state.loading && state.loadStartedAt >= after) return state.loading;
  state.loadStartedAt = Date.now();
  state.loading = load();
  return state.loading;
}

const forcedReads = new Map<string, { at: number; read: Promise<TerritoryDirectory> }>();

/**
 * The directory read again, from a read that started after this request came: for
 * a preview pass whose signature is ours but that the directory does not list yet
 * (issued a moment ago, on any instance). At most one such read per pass a second —
 * requests carrying the same pass meanwhile share it — and only the platform can
 * sign a pass, so strangers cannot make every request read the database.
 */
export async function proxyDirectoryFresh(passId: string, requestedAt = Date.now()): Promise<TerritoryDirectory> {
  const previous = forcedReads.get(passId);
  if (previous && requestedAt - previous.at < 1_000) return previous.read;
  if (forcedReads.size > 1_000) forcedReads.clear();
  const read = loadStartedAfter(requestedAt);
  forcedReads.set(passId, { at: requestedAt, read });
  return read;
}

export async function proxyDirectory(): Promise<TerritoryDirectory> {
  const fresh = Date.now() - state.loadedAt < MAX_AGE_MS;
  if (state.directory && fresh) return state.directory;
  if (!state.loading) {
    state.loadStartedAt = Date.now();
    state.loading = load();
  }
  return state.directory ?? state.loading;
}

/** After this process changed a domain or a territory: the next request waits for the directory read again. */
export function forgetTerritoryDirectory(): void {
  state.directory = null;
  state.loadedAt = 0;
}
