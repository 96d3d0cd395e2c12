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

describe("photo storage configuration", () => {
  const s3 = { S3_BUCKET: "comptoir-photos", S3_ENDPOINT: "https://s3.fr-par.scw.cloud", S3_ACCESS_KEY_ID: "SCWKEY", S3_SECRET_ACCESS_KEY: "secret" };

  it("keeps the local directory with no S3 variable, as .env.example leaves them", () => {
    const env = parseEnv({ S3_BUCKET: "", S3_ENDPOINT: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "", S3_PREFIX: "" });
    expect(env.S3_BUCKET).toBeUndefined();
    expect(env.UPLOAD_DIR).toBe(".data/uploads");
  });

  it("reads a bucket at an S3-compatible provider, with us-east-1 and virtual-host addressing by default", () => {
    expect(parseEnv(s3)).toMatchObject({ ...s3, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: false });
    expect(parseEnv(s3).S3_PREFIX).toBeUndefined();
    expect(parseEnv({ ...s3, S3_REGION: "fr-par", S3_FORCE_PATH_STYLE: "1" })).toMatchObject({ S3_REGION: "fr-par", S3_FORCE_PATH_STYLE: true });
  });

  it("puts the prefix in a folder of its own, with or without its trailing slash", () => {
    expect(parseEnv({ ...s3, S3_PREFIX: "comptoir" }).S3_PREFIX).toBe("comptoir/");
    expect(parseEnv({ ...s3, S3_PREFIX: "photos/prod/" }).S3_PREFIX).toBe("photos/prod/");
    expect(() => parseEnv({ ...s3, S3_PREFIX: "/absolute" })).toThrow(/S3_PREFIX/);
    expect(() => parseEnv({ ...s3, S3_PREFIX: "a/../b" })).toThrow(/S3_PREFIX/);
  });

  it("names each malformed S3 variable", () => {
    expect(() => parseEnv({ ...s3, S3_BUCKET: "Photos_Comptoir" })).toThrow(/S3_BUCKET: must be a bucket name/);
    expect(() => parseEnv({ ...s3, S3_ENDPOINT: "s3.fr-par.scw.cloud" })).toThrow(/S3_ENDPOINT: must be an http\(s\):\/\/ address/);
    expect(() => parseEnv({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE: must be true or false/);
    expect(() => parseEnv({ ...s3, S3_SECRET_ACCESS_KEY: "" })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/);
  });

  it("refuses S3 settings without a bucket rather than silently keeping photos on one machine", () => {
    expect(() => parseEnv({ ...s3, S3_BUCKET: "" })).toThrow(/S3_BUCKET: is required with S3_ENDPOINT, S3_ACCESS_KEY_ID/);
  });
});
