import { env } from "@/lib/env";

/** Public base URL for links in emails and calendar files. */
export function appUrl(): string {
  const config = env();
  return (config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
}
