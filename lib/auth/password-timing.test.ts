import { scrypt } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { checkPassword, hashPassword } from "./password";

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});

/** Which accounts have a password must not show in the time a wrong password takes. */
describe("checkPassword", () => {
  it("does the same key derivation, at the same cost, for an account without a password", async () => {
    const stored = await hashPassword("bon-mot-de-passe");
    await checkPassword("warm-up", null); // the decoy hash is made once
    const kdf = vi.mocked(scrypt);

    kdf.mockClear();
    expect(await checkPassword("mauvais", stored)).toBe(false);
    const known = kdf.mock.calls.map((call) => [call[2], call[3]]);

    kdf.mockClear();
    expect(await checkPassword("mauvais", null)).toBe(false);
    const unknown = kdf.mock.calls.map((call) => [call[2], call[3]]);

    expect(known).toHaveLength(1);
    expect(unknown).toEqual(known);
    expect(await checkPassword("bon-mot-de-passe", stored)).toBe(true);
  });
});
