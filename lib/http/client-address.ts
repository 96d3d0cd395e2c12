import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

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

/**
 * How far forwarding headers are believed (issue #23). The deployment says it:
 * - `direct` (the default): no proxy is declared, so every forwarding header is
 *   ignored — the client is the socket; a loopback socket is "local" only when the
 *   request carries no sign of a proxy at all;
 * - `hops`: that many proxies of ours stand in front (TRUST_PROXY_HOPS); the client
 *   is the entry they wrote in `header` (X-Forwarded-For: the hops-th from the right;
 *   X-Real-IP: its value, which such a proxy overwrites);
 * - `addresses`: our proxies are these addresses or networks (TRUSTED_PROXIES); the
 *   client is the rightmost X-Forwarded-For entry that is not one of them.
 * Behind a declared proxy, nothing is ever "local".
 */
export type ProxyTrust =
  | { mode: "direct" }
  | { mode: "hops"; hops: number; header: "x-forwarded-for" | "x-real-ip" }
  | { mode: "addresses"; proxies: BlockList; listed: string[] };

const PROXY_SIGNS = ["x-forwarded-for", "forwarded", "x-real-ip", "x-forwarded-host", "x-forwarded-proto", "via"] as const;

/** "::ffff:127.0.0.1" → "127.0.0.1" */
function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed.toLowerCase();
}

export function isLoopback(address: string): boolean {
  const ip = normalize(address);
  return ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function xffChain(headers: IncomingHttpHeaders): string[] {
  return (headerValue(headers, "x-forwarded-for") ?? "").split(",").map(normalize).filter(Boolean);
}

/** The trust the environment declares: TRUSTED_PROXIES wins over TRUST_PROXY_HOPS; neither is `direct`. */
export function proxyTrust(config: { TRUST_PROXY_HOPS?: number; TRUSTED_PROXIES?: string; TRUST_PROXY_HEADER?: "x-forwarded-for" | "x-real-ip" }): ProxyTrust {
  const listed = (config.TRUSTED_PROXIES ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (listed.length) {
    const proxies = new BlockList();
    for (const entry of listed) {
      const [address = "", prefix] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      if (!isIP(address)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or network`);
      if (prefix === undefined) proxies.addAddress(address, family);
      else proxies.addSubnet(address, Number(prefix), family);
    }
    return { mode: "addresses", proxies, listed };
  }
  const hops = config.TRUST_PROXY_HOPS ?? 0;
  return hops > 0 ? { mode: "hops", hops, header: config.TRUST_PROXY_HEADER ?? "x-forwarded-for" } : { mode: "direct" };
}

/** One line for the server's start log: which addresses rate limits and the dev mailbox believe. */
export function describeProxyTrust(trust: ProxyTrust): string {
  if (trust.mode === "direct") return "client addresses: no proxy declared — forwarding headers ignored, the socket's address counts (set TRUST_PROXY_HOPS or TRUSTED_PROXIES behind a proxy)";
  if (trust.mode === "hops") return `client addresses: behind ${trust.hops} proxy hop(s) — client from ${trust.header === "x-real-ip" ? "X-Real-IP" : "X-Forwarded-For"}; nothing is local`;
  return `client addresses: behind trusted proxies ${trust.listed.join(", ")} — rightmost untrusted X-Forwarded-For entry; nothing is local`;
}

const isTrusted = (list: BlockList, ip: string) => isIP(ip) !== 0 && list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");

/** The client of a request that reached us from `peer` (the socket's address), under the declared trust. */
export function resolveClientAddress(peer: string | undefined, headers: IncomingHttpHeaders, trust: ProxyTrust = { mode: "direct" }): ClientAddress {
  const socketIp = peer ? normalize(peer) : "";
  if (!socketIp) return { ip: "unknown", local: false };
  if (trust.mode === "direct") {
    const proxied = PROXY_SIGNS.some((name) => headers[name] !== undefined);
    return { ip: socketIp, local: isLoopback(socketIp) && !proxied };
  }
  if (trust.mode === "hops") {
    if (trust.header === "x-real-ip") {
      const real = normalize(headerValue(headers, "x-real-ip") ?? "");
      return { ip: isIP(real) ? real : socketIp, local: false };
    }
    const hops = [...xffChain(headers), socketIp];
    return { ip: hops[Math.max(0, hops.length - 1 - trust.hops)] ?? socketIp, local: false };
  }
  if (!isTrusted(trust.proxies, socketIp)) return { ip: socketIp, local: false };
  const chain = xffChain(headers);
  for (let i = chain.length - 1; i >= 0; i--) {
    const entry = chain[i] ?? "";
    if (!isIP(entry)) return { ip: "unknown", local: false };
    if (!isTrusted(trust.proxies, entry)) return { ip: entry, local: false };
  }
  return { ip: chain[0] ?? socketIp, local: false };
}

/**
 * What rate limits count an address as: an IPv4 address, or an IPv6 address's /64
 * (one subscriber's network: a client holds a whole /64 and could rotate within it).
 */
export function addressBucket(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
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
