import "server-only";
import { cookies, draftMode } from "next/headers";
import { db } from "@/lib/db/prisma";
import { previewAllows, previewCookieName } from "./preview";
import { livePreviewPassIds } from "./preview-passes";

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
