import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("starts on embedded defaults with no variable at all", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DEV_MAILBOX).toBe(false);
    expect(env.DEFAULT_TERRITORY).toBe("grand-poitiers");
  });

  it("treats empty strings as unset, as .env.example leaves them", () => {
    expect(parseEnv({ DATABASE_URL: "", SMTP_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names each malformed variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "http", SMTP_URL: "mail.example.fr" });
      expect.unreachable("parseEnv accepted a malformed environment");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
      expect(message).toContain("PORT");
      expect(message).toContain("SMTP_URL: must be an smtp:// or smtps:// URL");
    }
  });

  it("requires the Stripe keys together", () => {
    expect(() => parseEnv({ STRIPE_SECRET_KEY: "sk_test_123" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(parseEnv({ STRIPE_SECRET_KEY: "sk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_123" }).STRIPE_SECRET_KEY).toBe("sk_test_123");
  });

  it("refuses the dev mailbox when emails leave by SMTP", () => {
    expect(() => parseEnv({ DEV_MAILBOX: "true", SMTP_URL: "smtp://localhost:25" })).toThrow(/DEV_MAILBOX/);
    expect(parseEnv({ DEV_MAILBOX: "1" }).DEV_MAILBOX).toBe(true);
  });
});

describe("payment configuration", () => {
  it("accepts the Stripe double only on loopback, only for the demo, never with a live key", () => {
    const demo = { STRIPE_SECRET_KEY: "sk_test_demo", STRIPE_WEBHOOK_SECRET: "whsec_demo", STRIPE_API_BASE: "http://127.0.0.1:4242", PAYMENT_DEMO: "true" };
    expect(parseEnv(demo).STRIPE_API_BASE).toBe("http://127.0.0.1:4242");
    expect(() => parseEnv({ ...demo, PAYMENT_DEMO: "" })).toThrow(/STRIPE_API_BASE: points at the Stripe double/);
    expect(() => parseEnv({ ...demo, STRIPE_API_BASE: "http://api.stripe.com:80" })).toThrow(/never real Stripe over http/);
    expect(() => parseEnv({ ...demo, STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(/live key/);
  });
});
