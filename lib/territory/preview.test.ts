import { describe, expect, it } from "vitest";
import { PREVIEW_HOURS, previewAllows, readPreviewPass, signPreviewPass } from "./preview";

const secret = "a-session-secret-of-test";
const now = Date.UTC(2026, 10, 26, 9, 0);

describe("preview pass of a town in preparation", () => {
  it("opens the town it was signed for, until it expires", () => {
    const pass = signPreviewPass("niort", secret, now);
    expect(previewAllows(pass, "niort", secret, now)).toBe(true);
    expect(previewAllows(pass, "niort", secret, now + (PREVIEW_HOURS * 3600 - 1) * 1000)).toBe(true);
    expect(previewAllows(pass, "niort", secret, now + PREVIEW_HOURS * 3600 * 1000)).toBe(false);
  });

  it("opens no other town, and nothing once altered or signed with another secret", () => {
    const pass = signPreviewPass("niort", secret, now);
    expect(previewAllows(pass, "saintes", secret, now)).toBe(false);
    expect(previewAllows(pass.replace("niort", "saintes"), "saintes", secret, now)).toBe(false);
    const [slug, expiry, mac] = pass.split(".");
    expect(previewAllows(`${slug}.${Number(expiry) + 86_400}.${mac}`, "niort", secret, now)).toBe(false);
    expect(previewAllows(pass, "niort", "another-secret-of-the-platform", now)).toBe(false);
    expect(previewAllows(pass, "niort", undefined, now)).toBe(false);
  });

  it("refuses malformed values without throwing", () => {
    for (const value of [undefined, null, "", "niort", "niort.1.x", "../niort.99999999999.aaaa", `${"a".repeat(5000)}`]) {
      expect(readPreviewPass(value, secret, now)).toBeNull();
    }
  });
});
