import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("comptoir-demo");
    expect(hash).toMatch(/^scrypt\$16384\$/);
    expect(await verifyPassword("comptoir-demo", hash)).toBe(true);
    expect(await verifyPassword("Comptoir-demo", hash)).toBe(false);
    expect(await verifyPassword("comptoir-demo", "plain")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });
});
