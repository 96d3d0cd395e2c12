import { afterEach, describe, expect, it } from "vitest";
import { addressBucket, clientFromHeaders, describeProxyTrust, isLoopback, proxyTrust, resolveClientAddress, stampClientAddress } from "./client-address";

const direct = proxyTrust({});
const oneHop = proxyTrust({ TRUST_PROXY_HOPS: 1 });
const realIp = proxyTrust({ TRUST_PROXY_HOPS: 1, TRUST_PROXY_HEADER: "x-real-ip" });
const listed = proxyTrust({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8, fd00::/8", TRUST_PROXY_HOPS: 3 });

describe("resolveClientAddress", () => {
  it("a direct request from this machine is local", () => {
    expect(resolveClientAddress("127.0.0.1", {}, direct)).toEqual({ ip: "127.0.0.1", local: true });
    expect(resolveClientAddress("::1", {}, direct)).toEqual({ ip: "::1", local: true });
    expect(resolveClientAddress("::ffff:127.0.0.1", {}, direct)).toEqual({ ip: "127.0.0.1", local: true });
  });

  it("a request from elsewhere is not local, whatever it claims", () => {
    expect(resolveClientAddress("203.0.113.7", { "x-forwarded-for": "127.0.0.1" }, direct)).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("::ffff:198.51.100.2", {}, direct)).toEqual({ ip: "198.51.100.2", local: false });
  });

  it("attack: with no proxy declared, a forged forwarding header chooses no address, and a proxied request is never local", () => {
    for (const headers of [{ "x-forwarded-for": "203.0.113.7" }, { "x-forwarded-for": "127.0.0.1, 203.0.113.7" }, { forwarded: "for=203.0.113.7" }, { "x-real-ip": "203.0.113.8" }, { via: "1.1 nginx" }, { "x-forwarded-proto": "https" }]) {
      expect(resolveClientAddress("127.0.0.1", headers, direct), JSON.stringify(headers)).toEqual({ ip: "127.0.0.1", local: false });
      expect(resolveClientAddress("198.51.100.9", headers, direct).ip).toBe("198.51.100.9");
    }
  });

  it("behind a declared number of hops, takes the address the nearest proxies appended", () => {
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.7" }, oneHop)).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("10.0.0.2", { "x-forwarded-for": "1.2.3.4, 203.0.113.7, 10.0.0.9" }, proxyTrust({ TRUST_PROXY_HOPS: 2 }))).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("10.0.0.2", {}, oneHop)).toEqual({ ip: "10.0.0.2", local: false });
    expect(resolveClientAddress("127.0.0.1", {}, oneHop).local).toBe(false);
  });

  it("attack: behind an nginx that sets only X-Real-IP, the client's own X-Forwarded-For is ignored", () => {
    expect(resolveClientAddress("127.0.0.1", { "x-real-ip": "203.0.113.8", "x-forwarded-for": "1.1.1.1" }, realIp)).toEqual({ ip: "203.0.113.8", local: false });
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "1.1.1.1" }, realIp)).toEqual({ ip: "127.0.0.1", local: false });
  });

  it("behind listed proxies, takes the rightmost entry that is not one of them", () => {
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.2.3" }, listed)).toEqual({ ip: "203.0.113.7", local: false });
    expect(resolveClientAddress("fd00::5", { "x-forwarded-for": "2001:db8::1" }, listed)).toEqual({ ip: "2001:db8::1", local: false });
    // A socket that is not a listed proxy is the client, whatever it forwards.
    expect(resolveClientAddress("198.51.100.3", { "x-forwarded-for": "6.6.6.6" }, listed)).toEqual({ ip: "198.51.100.3", local: false });
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "not-an-ip" }, listed)).toEqual({ ip: "unknown", local: false });
    expect(() => proxyTrust({ TRUSTED_PROXIES: "nginx.local" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("says which mode is on", () => {
    expect(describeProxyTrust(direct)).toMatch(/no proxy declared/);
    expect(describeProxyTrust(realIp)).toMatch(/X-Real-IP/);
    expect(describeProxyTrust(listed)).toMatch(/10\.0\.0\.0\/8/);
  });

  it("knows loopback addresses", () => {
    expect(isLoopback("127.8.9.10")).toBe(true);
    expect(isLoopback("128.0.0.1")).toBe(false);
    expect(isLoopback("::2")).toBe(false);
  });
});

describe("attack: rotating IPv6 addresses within one's /64", () => {
  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("unknown")).toBe("unknown");
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
