/**
 * The security headers of every page. The Content-Security-Policy carries a fresh
 * nonce per request (Next.js puts it on its own scripts), so no inline script runs
 * unless we rendered it; production never allows eval.
 */
const MAP_TILES = "https://tile.openstreetmap.org";

/** Pages with the pickup-code scanner, the only ones that may use the camera. */
const CAMERA_PAGES = /^\/dashboard\/[^/]+\/commandes\/[^/]+\/?$/;

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React's style={...}, Leaflet) carry no script.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${MAP_TILES}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function permissionsPolicy(pathname: string): string {
  const camera = CAMERA_PAGES.test(pathname) ? "camera=(self)" : "camera=()";
  return [camera, "microphone=()", "geolocation=()", "payment=()", "usb=()", "interest-cohort=()"].join(", ");
}

/**
 * A URL no page of ours can answer: a malformed percent-encoding, or a NUL byte in
 * the path or the query (PostgreSQL refuses NUL in text). Answered 400 up front.
 */
export function isMalformedUrl(pathname: string, searchParams: URLSearchParams): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  if (decoded.includes("\u0000")) return true;
  for (const [key, value] of searchParams) if (key.includes("\u0000") || value.includes("\u0000")) return true;
  return false;
}
