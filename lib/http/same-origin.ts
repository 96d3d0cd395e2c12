import { appUrl } from "@/lib/notifications/app-url";

/**
 * True when a state-changing request comes from one of our own pages: its Origin
 * header names this site (the host it was sent to, or the public URL). Browsers
 * always send Origin with a cross-site POST, so another site's form fails here.
 */
export function isSameOrigin(headers: { get(name: string): string | null }): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [headers.get("x-forwarded-host"), headers.get("host"), new URL(appUrl()).host].filter((h): h is string => Boolean(h));
  return hosts.some((host) => host.split(",")[0]?.trim().toLowerCase() === originHost.toLowerCase());
}
