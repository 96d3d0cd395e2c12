/**
 * Signs out through next-auth's own endpoints, as `signOut` of next-auth/react
 * does, without that module: it carries the session provider and its polling
 * (13 KB gzipped) into every storefront page whose header has a sign-out button.
 */
export async function signOutAndGo(callbackUrl = "/"): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  window.location.href = url ?? callbackUrl;
}
