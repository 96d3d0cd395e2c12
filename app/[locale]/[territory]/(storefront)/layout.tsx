import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { visibleTerritorySite } from "@/lib/territory/preview-request";

type Props = { children: ReactNode; params: Promise<{ territory: string }> };

/**
 * A town's storefront exists only once the town is open, or for the holder of its
 * preview pass. proxy.ts already answers the hidden town's page to anyone else; this
 * checks again, so that no spelling of an address the proxy misreads opens it —
 * and so does every page (lib/territory/preview-request.ts: a page renders beside
 * its layout, so the layout alone could not keep the page's content out).
 * (The shop application form, outside this group, is open before the town is.)
 */
export default async function StorefrontLayout({ children, params }: Props) {
  const { territory: slug } = await params;
  if (!(await visibleTerritorySite(slug))) notFound();
  return children;
}
