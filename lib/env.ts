import { isIP } from "node:net";
import { z } from "zod";

/**
 * The one place that reads process.env. Every variable is optional: with none set,
 * Comptoir runs on its embedded defaults (embedded PostgreSQL started by
 * scripts/start.ts, dev mailbox, pay at pickup). See .env.example.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    NEXTAUTH_URL: z.preprocess(emptyAsUndefined, z.url({ message: "must be a URL such as http://localhost:3000" }).optional()),
    NEXTAUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
    SMTP_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().min(3).default("Comptoir <ne-pas-repondre@comptoir.local>")),
    DEV_MAILBOX: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
    /** Run the background worker inside the web server (default); false when workers run apart (npm run worker) */
    WORKER: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
    /** Jobs one worker process runs at once */
    WORKER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(50).default(4)),
    /** A job locked by a worker silent this long is taken back (its process died) */
    WORKER_STALE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(2).max(3600).default(60)),
    /** Test harness only: enables POST /api/test/clock to move time forward. Never in a real start. */
    COMPTOIR_TEST_CLOCK: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
    /** Load balancers or reverse proxies in front of the app, whose forwarding header is trusted (lib/http/client-address.ts) */
    TRUST_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(5).default(0)),
    /** Which header those proxies set: X-Forwarded-For (appended to) or X-Real-IP (overwritten) */
    TRUST_PROXY_HEADER: z.preprocess(emptyAsUndefined, z.enum(["x-forwarded-for", "x-real-ip"]).default("x-forwarded-for")),
    /** Or the proxies' own addresses or networks, comma-separated (10.0.0.0/8, 127.0.0.1): wins over TRUST_PROXY_HOPS */
    TRUSTED_PROXIES: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .refine((list) => list.split(",").every((entry) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(entry.trim()) && isIP(entry.trim().split("/")[0] ?? "") !== 0), "must be IP addresses or networks, comma-separated (10.0.0.0/8, 127.0.0.1)")
        .optional(),
    ),
    STRIPE_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().startsWith("sk_", "must start with sk_").optional()),
    STRIPE_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().startsWith("whsec_", "must start with whsec_").optional()),
    /** Only for the local Stripe double (tests, the embedded demo): its http://127.0.0.1:port address */
    STRIPE_API_BASE: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^http:\/\/(127\.0\.0\.1|localhost):\d+$/, "must be the local Stripe double, http://127.0.0.1:<port> (never real Stripe over http)")
        .optional(),
    ),
    /** Set by the start command when it runs the Stripe double: every page says "paiement de démonstration" */
    PAYMENT_DEMO: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
    /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset */
    EMBEDDED_PG_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/postgres")),
    UPLOAD_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/uploads")),
    /** Object storage (S3 or compatible) for uploaded photos, shared by every instance; unset = UPLOAD_DIR */
    S3_BUCKET: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)")
        .optional(),
    ),
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().regex(/^[a-z0-9-]+$/, "must be a region such as us-east-1 or fr-par").default("us-east-1")),
    /** The provider's address for S3-compatible storage (Scaleway, OVH, MinIO…); unset = Amazon S3 */
    S3_ENDPOINT: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^https?:\/\/[^/\s]+\/?$/, "must be an http(s):// address with no path, such as https://s3.fr-par.scw.cloud")
        .optional(),
    ),
    /** Unset both to use the SDK's own credentials (AWS_* variables, instance role…) */
    S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
    S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
    /** bucket in the path (http://host/bucket/key) rather than the host name: MinIO and test servers need it */
    S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
    /** A folder of the bucket for the photos ("comptoir" → comptoir/products/…), when the bucket is shared */
    S3_PREFIX: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/, "must be a folder name such as comptoir or photos/prod (no leading slash, no . or .. folder)")
        .transform((prefix) => `${prefix.replace(/\/$/, "")}/`)
        .optional(),
    ),
    DEFAULT_TERRITORY: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9-]+$/, "must be a territory slug such as grand-poitiers")
        .default("grand-poitiers"),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.DEV_MAILBOX && env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["DEV_MAILBOX"], message: "cannot be true when SMTP_URL is set (emails leave by SMTP)" });
    }
    if (env.STRIPE_API_BASE && !env.PAYMENT_DEMO) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_API_BASE"], message: "points at the Stripe double: only with PAYMENT_DEMO=true (the embedded demo), never in production" });
    }
    if (env.STRIPE_API_BASE && env.STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_API_BASE"], message: "a live key never goes to the Stripe double" });
    }
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together" });
    }
    if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({ code: "custom", path: ["S3_SECRET_ACCESS_KEY"], message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together" });
    }
    // Without a bucket the photos stay in UPLOAD_DIR: an S3 setting alone is a forgotten S3_BUCKET, not a choice.
    const s3Settings = (["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_PREFIX"] as const).filter((name) => env[name] !== undefined);
    if (!env.S3_BUCKET && s3Settings.length > 0) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: `is required with ${s3Settings.join(", ")} (or leave them all empty to keep photos in UPLOAD_DIR)` });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment (process.env by default); throws EnvError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
