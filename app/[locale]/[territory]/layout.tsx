import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteFrame } from "@/components/layout/SiteFrame";
import { toLocale } from "@/lib/i18n/locales";
import { territorySite } from "@/lib/territory/site";

type Props = { children: ReactNode; params: Promise<{ locale: string; territory: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, territory: slug } = await params;
  const [territory, t] = await Promise.all([territorySite(slug), getTranslations({ locale: toLocale(locale), namespace: "meta" })]);
  if (!territory) return {};
  return {
    title: t("title", { territory: territory.name }),
    description: t("description", { territory: territory.name }),
    metadataBase: new URL(territory.publicUrl),
    // A town in preparation is seen only by its admins (proxy.ts): never indexed.
    ...(territory.status === "LIVE" ? {} : { robots: { index: false, follow: false } }),
  };
}

/** A town's pages (the town is the path segment proxy.ts wrote from the address): its name and links in the frame. */
export default async function TerritoryLayout({ children, params }: Props) {
  const { locale, territory: slug } = await params;
  const territory = await territorySite(slug);
  // A town in preparation: its storefront checks the preview pass ((storefront)/layout.tsx); its application form is open.
  if (!territory) notFound();
  return (
    <SiteFrame territory={territory} locale={toLocale(locale)}>
      {children}
    </SiteFrame>
  );
}
