import { describe, expect, it } from "vitest";
import { PREVIEW_HOURS, previewAllows, readPreviewPass, signPreviewPass } from "./preview";

const secret = "a-session-secret-of-test";
const now = Date.UTC(2026, 10, 26, 9, 0);
const id = "cmpass0000000000000001";
const until = new Date(now + PREVIEW_HOURS * 3600 * 1000);

describe("preview pass of a town in preparation", () => {
  it("opens the town it was signed for, while it is live and until it expires", () => {
    const pass = signPreviewPass("niort", id, until, secret);
    expect(previewAllows(pass, "niort", secret, [id], now)).toBe(true);
    expect(previewAllows(pass, "niort", secret, [id], now + (PREVIEW_HOURS * 3600 - 1) * 1000)).toBe(true);
    expect(previewAllows(pass, "niort", secret, [id], now + PREVIEW_HOURS * 3600 * 1000)).toBe(false);
  });

  it("attack: a copied pass after its issuer signed out or lost the role — no longer among the live passes, it opens nothing", () => {
    const pass = signPreviewPass("niort", id, until, secret);
    expect(previewAllows(pass, "niort", secret, [], now)).toBe(false);
    expect(previewAllows(pass, "niort", secret, ["cmanother000000000000001"], now)).toBe(false);
  });

  it("opens no other town, and nothing once altered or signed with another secret", () => {
    const pass = signPreviewPass("niort", id, until, secret);
    expect(previewAllows(pass, "saintes", secret, [id], now)).toBe(false);
    expect(previewAllows(pass.replace("niort", "saintes"), "saintes", secret, [id], now)).toBe(false);
    const [slug, passId, expiry, mac] = pass.split(".");
    expect(previewAllows(`${slug}.${passId}.${Number(expiry) + 86_400}.${mac}`, "niort", secret, [id], now)).toBe(false);
    expect(previewAllows(pass, "niort", "another-secret-of-the-platform", [id], now)).toBe(false);
    expect(previewAllows(pass, "niort", undefined, [id], now)).toBe(false);
  });

  it("refuses malformed values without throwing", () => {
    for (const value of [undefined, null, "", "niort", "niort.1.x", "../niort.99999999999.aaaa", `${"a".repeat(5000)}`]) {
      expect(readPreviewPass(value, secret, now)).toBeNull();
    }
  });
});
