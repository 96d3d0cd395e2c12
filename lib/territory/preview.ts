import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Preview of a town in preparation (issue #12). Its pages are cached and shared
 * like an open town's, so they cannot check who is looking; proxy.ts lets a
 * request through only with a preview pass: "<slug>.<passId>.<expiry>.<signature>",
 * signed with the session secret and given by /api/admin/apercu to the town's
 * admins. The signature proves the platform issued it; the pass id must also be
 * live (issue #23: lib/territory/preview-passes.ts): its issuer's session not ended,
 * the issuer still an admin of the town, nobody revoked it. The pass is per town
 * (cookie comptoir_apercu_<slug>), so it works on the town's own host name as well
 * as under /<slug>.
 */
export const PREVIEW_HOURS = 8;

export const PREVIEW_COOKIE_PREFIX = "comptoir_apercu_";
export const previewCookieName = (slug: string) => `${PREVIEW_COOKIE_PREFIX}${slug}`;

const signature = (payload: string, secret: string) => createHmac("sha256", secret).update(`preview:${payload}`).digest("base64url");

export function signPreviewPass(slug: string, passId: string, expiresAt: Date, secret: string): string {
  const payload = `${slug}.${passId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${signature(payload, secret)}`;
}

export type PreviewPassClaim = { slug: string; passId: string; expiresAt: number };

/** The town a pass names, its id and until when (seconds since the epoch), or null for a forged, damaged or expired one. */
export function readPreviewPass(pass: string | null | undefined, secret: string | undefined, now = Date.now()): PreviewPassClaim | null {
  if (!pass || !secret) return null;
  const match = /^([a-z0-9-]+)\.([a-z0-9]{8,40})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(pass);
  if (!match) return null;
  const [, slug = "", passId = "", expiry = "", mac = ""] = match;
  const expected = Buffer.from(signature(`${slug}.${passId}.${expiry}`, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiresAt = Number(expiry);
  return expiresAt * 1000 > now ? { slug, passId, expiresAt } : null;
}

/** Whether the pass opens this town: signed by us, unexpired, for this town, and among the town's live passes. */
export function previewAllows(pass: string | null | undefined, slug: string, secret: string | undefined, livePassIds: readonly string[], now = Date.now()): boolean {
  const claim = readPreviewPass(pass, secret, now);
  return claim?.slug === slug && livePassIds.includes(claim.passId);
}
