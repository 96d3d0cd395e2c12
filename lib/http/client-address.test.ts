import { afterEach, describe, expect, it } from "vitest";
import { clientFromHeaders, isLoopback, resolveClientAddress, stampClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("a direct request from this machine is local", () => {
    expect(resolveClientAddress("127.0.0.1", {})).toEqual({ ip: "127.0.0.1", local: true });
    expect(resolveClientAddress("::1", {})).toEqual({ ip: "::1", local: true });
    expect(resolveClientAddress("::ffff:127.0.0.1", {})).toEqual({ ip: "127.0.0.1", local: true });
  });

  it("a request from elsewhere is not local, whatever it claims", () => {
    expect(resolveClientAddress("203.0.113.7", { "x-forwarded-for": "127.0.0.1" })).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("::ffff:198.51.100.2", {})).toEqual({ ip: "198.51.100.2", local: false });
  });

  it("a request through a reverse proxy on this machine is never local", () => {
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "203.0.113.7" })).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "127.0.0.1, 203.0.113.7" })).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("127.0.0.1", { forwarded: "for=203.0.113.7" }).local).toBe(false);
    expect(resolveClientAddress("127.0.0.1", { "x-real-ip": "203.0.113.8" })).toEqual({ ip: "203.0.113.8", local: false });
  });

  it("behind trusted proxies, takes the address the nearest proxies appended", () => {
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.7" }, 1)).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.9" }, 2)).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("10.0.0.2", {}, 1)).toEqual({ ip: "10.0.0.2", local: false });
  });

  it("knows loopback addresses", () => {
    expect(isLoopback("127.8.9.10")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
    expect(isLoopback("::2")).toBe(false);
  });
});

describe("clientFromHeaders", () => {
  afterEach(() => {
    delete process.env.COMPTOIR_SERVER;
  });

  it("trusts the stamped headers only under Comptoir's own server", () => {
    const headers: Record<string, string> = {};
    stampClientAddress(headers, { ip: "127.0.0.1", local: true });
    const read = new Headers(headers);
    expect(clientFromHeaders(read)).toEqual({ ip: "unknown", local: false });
    process.env.COMPTOIR_SERVER = "1";
    expect(clientFromHeaders(read)).toEqual({ ip: "127.0.0.1", local: true });
  });
});
