import { describe, expect, it } from "vitest";
import { decideMailPolicy } from "./mail-policy";

describe("decideMailPolicy", () => {
  it("turns the dev mailbox on by itself only for the embedded demo", () => {
    expect(decideMailPolicy({ embeddedDatabase: true, smtp: false, devMailbox: undefined })).toEqual({ ok: true, devMailbox: true });
    expect(decideMailPolicy({ embeddedDatabase: true, smtp: true, devMailbox: undefined })).toEqual({ ok: true, devMailbox: false });
  });

  it("refuses a real database without SMTP unless the dev mailbox is asked for, and then warns", () => {
    const refused = decideMailPolicy({ embeddedDatabase: false, smtp: false, devMailbox: undefined });
    expect(refused.ok).toBe(false);
    expect(decideMailPolicy({ embeddedDatabase: false, smtp: false, devMailbox: false }).ok).toBe(false);
    const allowed = decideMailPolicy({ embeddedDatabase: false, smtp: false, devMailbox: true });
    expect(allowed).toMatchObject({ ok: true, devMailbox: true });
    expect(allowed.ok && allowed.warning).toMatch(/NO EMAIL LEAVES THIS SERVER/);
  });

  it("sends by SMTP on a real database", () => {
    expect(decideMailPolicy({ embeddedDatabase: false, smtp: true, devMailbox: undefined })).toEqual({ ok: true, devMailbox: false });
  });
});
