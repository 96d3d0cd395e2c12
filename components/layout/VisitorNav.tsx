"use client";

import { useCallback, useEffect, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTerritory, useTerritoryHref } from "@/components/territory/TerritoryContext";
import { TERRITORY_PARAM } from "@/lib/territory/request-header";
import { SignOutButton } from "./SignOutButton";

type Visitor = { signedIn: boolean; isShopkeeper: boolean; cartCount: number };

/** Fired (on window) by whatever changes the basket or the session, so the header reads it again. */
export const VISITOR_CHANGED = "comptoir:visitor-changed";

export function announceVisitorChange(): void {
  window.dispatchEvent(new Event(VISITOR_CHANGED));
}

/**
 * The header's per-visitor part: basket count, account links. Read from
 * /api/visiteur in the browser (after each navigation and basket change) so the
 * page around it stays the same for everyone and can be cached.
 */
export type VisitorNavLabels = { dashboard: string; account: string; signOut: string; signingOut: string; signIn: string; cart: string; cartItemOne: string; cartItemOther: string; menu: string };

/** Labels come from the server (SiteHeader): pages without other translated islands then load no translation library. */
export function VisitorNav({ labels, locale, children }: { labels: VisitorNavLabels; locale: string; children?: ReactNode }) {
  const pathname = usePathname();
  const [visitor, setVisitor] = useState<Visitor | null>(null);
  const { slug } = useTerritory();
  const href = useTerritoryHref();
  const refresh = useCallback(() => {
    // The basket is per town: name it (at a town's own address the host already says).
    fetch(slug ? `/api/visiteur?${TERRITORY_PARAM}=${encodeURIComponent(slug)}` : "/api/visiteur", { cache: "no-store", credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<Visitor>) : null))
      .then((value) => value && setVisitor(value))
      .catch(() => {});
  }, [slug]);
  useEffect(refresh, [refresh, pathname]);
  useEffect(() => {
    window.addEventListener(VISITOR_CHANGED, refresh);
    window.addEventListener("pageshow", refresh);
    return () => {
      window.removeEventListener(VISITOR_CHANGED, refresh);
      window.removeEventListener("pageshow", refresh);
    };
  }, [refresh]);
  const cartCount = visitor?.cartCount ?? 0;
  const links = (
    <>
      {visitor?.signedIn ? (
        <>
          {visitor.isShopkeeper && (
            // A plain link: /dashboard redirects to the shop's page, and a client-side navigation that ends in a redirect loses the page's <title> (seen with Next.js 16).
            <a href="/dashboard" className="flex min-h-11 items-center rounded-lg px-3 hover:bg-brand-50">
              {labels.dashboard}
            </a>
          )}
          <Link href="/compte" prefetch={false} className="flex min-h-11 items-center rounded-lg px-3 hover:bg-brand-50">
            {labels.account}
          </Link>
          <SignOutButton label={labels.signOut} pendingLabel={labels.signingOut} />
        </>
      ) : (
        <Link href="/connexion" prefetch={false} className="flex min-h-11 items-center whitespace-nowrap rounded-lg border border-brand-600 px-3 font-medium text-brand-700 hover:bg-brand-50">
          {labels.signIn}
        </Link>
      )}
      {children}
    </>
  );
  return (
    <>
      {/* Per-visitor pages are not prefetched: each prefetch would be a full server render nobody may use. */}
      <Link href={href("/panier")} prefetch={false} className="relative flex min-h-11 items-center gap-1 rounded-lg px-3 hover:bg-brand-50">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M5 8h14l-1.5 12h-11z" />
          <path d="M9 8a3 3 0 0 1 6 0" />
        </svg>
        {/* Name = visible text ("Panier 3 articles"), so voice users can say what they see (WCAG 2.5.3). */}
        <span className="sr-only sm:not-sr-only">{labels.cart}</span>
        {visitor && (
          <>
            {" "}
            <span className="rounded-full bg-brand-600 px-2 text-sm font-semibold text-white" data-testid="cart-badge">
              {cartCount}
            </span>
            <span className="sr-only"> {new Intl.PluralRules(locale).select(cartCount) === "one" ? labels.cartItemOne : labels.cartItemOther}</span>
          </>
        )}
      </Link>
      <div className="hidden sm:flex sm:items-center sm:gap-2">{links}</div>
      {/*
        On a phone the account links and the language switch fold behind a menu: a
        <details>, so it works without JavaScript and the header keeps its height
        when the page comes alive (no layout shift). Keyed by page: a navigation closes it.
      */}
      <details key={pathname} className="group relative sm:hidden">
        <summary className="flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center rounded-lg px-3 hover:bg-brand-50 [&::-webkit-details-marker]:hidden">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
            <path className="group-open:hidden" d="M4 7h16M4 12h16M4 17h16" />
            <path className="hidden group-open:block" d="M6 6l12 12M18 6L6 18" />
          </svg>
          <span className="sr-only">{labels.menu}</span>
        </summary>
        <div id="visitor-menu" className="absolute right-0 z-20 mt-1 flex min-w-52 flex-col items-stretch gap-1 rounded-lg border border-brand-100 bg-white p-2 shadow-lg">
          {links}
        </div>
      </details>
    </>
  );
}

