import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { locales } from "@/lib/i18n/locales";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("platformTitle"), description: t("platformDescription"), icons: { apple: "/apple-touch-icon.png" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1d6b3c" };

/**
 * The root layout. The locale (and, below it, the town) are path segments
 * written by proxy.ts from the language cookie and the address, so nothing here
 * reads the request: storefront pages can be cached whole. The frame (header,
 * footer) comes from [territory]/layout.tsx for a town's pages and from
 * (global)/layout.tsx for the others.
 */
export default async function RootLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        {children}
      </body>
    </html>
  );
}
