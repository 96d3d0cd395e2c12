import { SIGN_IN_LANDING } from "./landing";

const FALLBACK = SIGN_IN_LANDING;

/**
 * Keeps only the path and query of a post-sign-in destination, so that it always
 * stays on this site (no open redirect), whatever origin it named.
 */
export function safeCallbackPath(value: string | undefined | null): string {
  if (!value) return FALLBACK;
  try {
    const url = new URL(value, "http://comptoir.invalid");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("//") ? FALLBACK : path;
  } catch {
    return FALLBACK;
  }
}
