/**
 * The Node arguments that launch Comptoir's production server, shared by
 * `npm start`, the HTTP tests and the benchmark so they all measure what runs.
 *
 * Without a limit V8 sizes its old generation from the machine's memory and
 * collects lazily: a busy instance grew to ~1 GB RSS with a few dozen MB live.
 * SERVER_HEAP_MB (default 256, 0 = V8's own choice) bounds the JavaScript heap;
 * the page cache (CACHE_MAX_MB) lives inside it.
 */
export const DEFAULT_SERVER_HEAP_MB = 256;

export function serverNodeArgs(env: Record<string, string | undefined> = process.env): string[] {
  const heapMegabytes = Number(env.SERVER_HEAP_MB ?? DEFAULT_SERVER_HEAP_MB);
  const heapFlag = Number.isFinite(heapMegabytes) && heapMegabytes > 0 ? [`--max-old-space-size=${Math.round(heapMegabytes)}`] : [];
  return [...heapFlag, "--import", "tsx", "scripts/server.ts"];
}

/**
 * Environment additions for the server process. glibc gives each thread that
 * allocates (libuv's pool, V8's GC helpers) its own malloc arena; two arenas
 * took ~50 MB off the benchmark's RSS at no throughput cost.
 */
export function serverProcessEnv<Env extends Record<string, string | undefined>>(env: Env): Env & { MALLOC_ARENA_MAX: string } {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
