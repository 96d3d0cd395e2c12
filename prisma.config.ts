import { defineConfig } from "prisma/config";

// Only `prisma generate` runs through the CLI here (see scripts/prisma-generate.mjs);
// migrations go through scripts/db.ts. On a machine with internet, `prisma migrate
// deploy` reads the same prisma/migrations folder and DATABASE_URL.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/comptoir" },
});
