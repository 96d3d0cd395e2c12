import { existsSync } from "node:fs";

/** Loads .env (if present) into process.env without overriding variables already set. */
export function loadDotEnv(file = ".env"): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
