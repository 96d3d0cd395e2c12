import "server-only";
import { cookies, draftMode } from "next/headers";
import { db } from "@/lib/db/prisma";
import { previewAllows, previewCookieName } from "./preview";
import { livePreviewPassIds } from "./preview-passes";
import { territorySite, type TerritorySite } from "./site";

/**
 * Whether this render is a preview of the town by the holder of its pass. Pages of a
 * town are cached and shared, so they may not read cookies on every render: a
 * previewer is in Next.js's draft mode (set with the pass by /api/apercu, its cookie
 * unforgeable), which renders at request time; only then is the town's pass read,
 * and checked against the live passes in the database.
 */
export async function rendersPreviewOf(slug: string): Promise<boolean> {
  if (!(await draftMode()).isEnabled) return false;
  return previewAllows((await cookies()).get(previewCookieName(slug))?.value, slug, process.env.NEXTAUTH_SECRET, await livePreviewPassIds(db(), slug));
}

/**
 * A town's identity for its storefront pages, or null when the town is not open and
 * this render is no preview of it. Every storefront page reads its town through this
 * (not only their layout: a page renders beside its layout, so a layout's refusal
 * would not keep the page's own content out of the answer).
 */
export async function visibleTerritorySite(slug: string): Promise<TerritorySite | null> {
  const territory = await territorySite(slug);
  if (!territory) return null;
  return territory.status === "LIVE" || (await rendersPreviewOf(slug)) ? territory : null;
}
