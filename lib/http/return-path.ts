/**
 * Where a form that bounces back (the language switch) may send the browser: the
 * path and query of the page it came from, when that page is on this very host —
 * never another host, never a protocol-relative `//host` or `/\host` path, never an
 * API route. Anything else goes to the home.
 */
export function sameOriginReturnPath(referer: string | null, requestHost: string | null): string {
  if (!referer || !requestHost) return "/";
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return "/";
  }
  if (url.host.toLowerCase() !== requestHost.trim().toLowerCase()) return "/";
  const path = url.pathname;
  if (!path.startsWith("/") || /^\/[/\\]/.test(path) || /\\|%2f|%5c/i.test(path) || path.startsWith("/api/")) return "/";
  return `${path}${url.search}`;
}
