import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Preview of a town in preparation (issue #12). Its pages are cached and shared
 * like an open town's, so they cannot check who is looking; proxy.ts lets a
 * request through only with a preview pass: "<slug>.<expiry>.<signature>",
 * signed with the session secret and given by /api/admin/apercu to the town's
 * admins. The pass is per town (cookie comptoir_apercu_<slug>), so it works on
 * the town's own host name as well as under /<slug>.
 */
export const PREVIEW_HOURS = 8;

export const previewCookieName = (slug: string) => `comptoir_apercu_${slug}`;

const signature = (payload: string, secret: string) => createHmac("sha256", secret).update(`preview:${payload}`).digest("base64url");

export function signPreviewPass(slug: string, secret: string, now = Date.now()): string {
  const payload = `${slug}.${Math.floor(now / 1000) + PREVIEW_HOURS * 3600}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** The town a pass opens and until when (seconds since the epoch), or null for a forged, damaged or expired one. */
export function readPreviewPass(pass: string | null | undefined, secret: string | undefined, now = Date.now()): { slug: string; expiresAt: number } | null {
  if (!pass || !secret) return null;
  const match = /^([a-z0-9-]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(pass);
  if (!match) return null;
  const [, slug = "", expiry = "", mac = ""] = match;
  const expected = Buffer.from(signature(`${slug}.${expiry}`, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiresAt = Number(expiry);
  return expiresAt * 1000 > now ? { slug, expiresAt } : null;
}

export function previewAllows(pass: string | null | undefined, slug: string, secret: string | undefined, now = Date.now()): boolean {
  return readPreviewPass(pass, secret, now)?.slug === slug;
}
