import { describe, expect, it } from "vitest";
import { decidePaymentPolicy } from "./payment-policy";

describe("decidePaymentPolicy", () => {
  it("runs the Stripe double only for the embedded demo without keys", () => {
    expect(decidePaymentPolicy({ embeddedDatabase: true, stripeKeys: false })).toEqual({ mode: "demo" });
    expect(decidePaymentPolicy({ embeddedDatabase: true, stripeKeys: true })).toEqual({ mode: "stripe" });
  });

  it("never fakes payment on a real database: without keys, pay at pickup only", () => {
    expect(decidePaymentPolicy({ embeddedDatabase: false, stripeKeys: false })).toEqual({ mode: "none" });
    expect(decidePaymentPolicy({ embeddedDatabase: false, stripeKeys: true })).toEqual({ mode: "stripe" });
  });
});
