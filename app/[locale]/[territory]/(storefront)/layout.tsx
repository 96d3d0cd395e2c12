import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { rendersPreviewOf } from "@/lib/territory/preview-request";
import { territorySite } from "@/lib/territory/site";

type Props = { children: ReactNode; params: Promise<{ territory: string }> };

/**
 * A town's storefront exists only once the town is open, or for the holder of its
 * preview pass. proxy.ts already answers the hidden town's page to anyone else; this
 * checks again, so that no spelling of an address the proxy misreads opens it.
 * (The shop application form, outside this group, is open before the town is.)
 */
export default async function StorefrontLayout({ children, params }: Props) {
  const { territory: slug } = await params;
  const territory = await territorySite(slug);
  if (!territory || (territory.status !== "LIVE" && !(await rendersPreviewOf(slug)))) notFound();
  return children;
}
