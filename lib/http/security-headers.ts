/**
 * The security headers of every page. The Content-Security-Policy carries a fresh
 * nonce per request (Next.js puts it on its own scripts), so no inline script runs
 * unless we rendered it; production never allows eval.
 */
/** Pages with the pickup-code scanner, the only ones that may use the camera. */
const CAMERA_PAGES = /^\/dashboard\/[^/]+\/commandes\/[^/]+\/?$/;

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return policy(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, dev);
}

/**
 * The policy of a page served from the shared cache: the same for everyone, so no
 * nonce; each inline script it holds is allowed by its SHA-256, script files by
 * 'self' (scripts/server.ts computes it from the HTML it sends).
 */
export function contentSecurityPolicyForHashes(hashes: string[], dev: boolean): string {
  return policy(`script-src 'self'${hashes.map((hash) => ` 'sha256-${hash}'`).join("")}${dev ? " 'unsafe-eval'" : ""}`, dev);
}

function policy(scriptSrc: string, dev: boolean): string {
  return [
    "default-src 'self'",
    scriptSrc,
    // Inline style attributes (React's style={...}, Leaflet) carry no script.
    "style-src 'self' 'unsafe-inline'",
    // Map tiles come through /api/tuiles (lib/territory/map-tiles.ts): no third-party image host.
    "img-src 'self' data: blob:",
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
 * A URL no page of ours can answer, judged on the request line exactly as sent
 * (Next.js re-encodes it later, hiding the damage): a malformed percent-encoding
 * or invalid UTF-8 in the path or the query, or a NUL byte anywhere (PostgreSQL
 * refuses NUL in text). Browsers never send these; our server answers them 400.
 */
export function isMalformedUrl(rawUrl: string): boolean {
  const queryAt = rawUrl.indexOf("?");
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const query = queryAt === -1 ? "" : rawUrl.slice(queryAt + 1);
  try {
    const decoded = decodeURIComponent(path) + decodeURIComponent(query.replaceAll("+", " "));
    return decoded.includes("\u0000");
  } catch {
    return true;
  }
}
