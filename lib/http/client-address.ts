import type { IncomingHttpHeaders } from "node:http";

/**
 * Who sent a request. Our own HTTP server (scripts/server.ts) works it out from the
 * socket, once, and stamps it on the request under these headers, overwriting
 * anything a client sent under the same names. Next.js alone cannot tell: it keeps
 * a client's own X-Forwarded-For as is.
 */
export const CLIENT_IP_HEADER = "x-comptoir-client-ip";
export const LOCAL_REQUEST_HEADER = "x-comptoir-local";

export type ClientAddress = {
  /** The client's IP address as far as this server can trust it, or "unknown" */
  ip: string;
  /** True only for a request made on this machine, through no proxy */
  local: boolean;
};

const FORWARDING_HEADERS = ["x-forwarded-for", "forwarded", "x-real-ip"] as const;

/** "::ffff:127.0.0.1" → "127.0.0.1" */
function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

export function isLoopback(address: string): boolean {
  const ip = normalize(address);
  return ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function forwardedChain(headers: IncomingHttpHeaders): string[] {
  const xff = headerValue(headers, "x-forwarded-for");
  if (xff) return xff.split(",").map(normalize).filter(Boolean);
  const realIp = headerValue(headers, "x-real-ip");
  return realIp ? [normalize(realIp)] : [];
}

/**
 * The client of a request that reached us from `peer` (the socket's address).
 * - `trustedProxyHops` > 0 (behind that many load balancers or reverse proxies of
 *   ours): the address they appended to X-Forwarded-For.
 * - Otherwise a request from this machine that carries forwarding headers came
 *   through a local reverse proxy: its last X-Forwarded-For entry, never "local".
 * - Otherwise the socket's address; "local" when it is a loopback address.
 */
export function resolveClientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trustedProxyHops = 0): ClientAddress {
  const socketIp = peer ? normalize(peer) : "";
  if (!socketIp) return { ip: "unknown", local: false };
  const chain = forwardedChain(headers);
  if (trustedProxyHops > 0) {
    const hops = [...chain, socketIp];
    const ip = hops[Math.max(0, hops.length - 1 - trustedProxyHops)] ?? socketIp;
    return { ip, local: false };
  }
  const forwarded = FORWARDING_HEADERS.some((name) => headers[name] !== undefined);
  if (isLoopback(socketIp) && forwarded) return { ip: chain.at(-1) ?? "unknown", local: false };
  return { ip: socketIp, local: isLoopback(socketIp) };
}

/** Writes the resolved client on the request's headers (our server does this for every request). */
export function stampClientAddress(headers: IncomingHttpHeaders, client: ClientAddress): void {
  headers[CLIENT_IP_HEADER] = client.ip;
  headers[LOCAL_REQUEST_HEADER] = client.local ? "1" : "0";
}

/**
 * Reads the stamped client back. Only trusted when our server is the one serving
 * (COMPTOIR_SERVER=1, set by scripts/server.ts): under a bare `next start` the
 * headers could come from anyone, so the client is unknown and never local.
 */
export function clientFromHeaders(headers: { get(name: string): string | null }): ClientAddress {
  if (process.env.COMPTOIR_SERVER !== "1") return { ip: "unknown", local: false };
  return { ip: headers.get(CLIENT_IP_HEADER) || "unknown", local: headers.get(LOCAL_REQUEST_HEADER) === "1" };
}
