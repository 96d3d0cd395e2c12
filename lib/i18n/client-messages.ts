import { getMessages } from "next-intl/server";

/**
 * Client components translate with the messages their provider hands them, and
 * those are written into every page's HTML. Each part of the site hands over only
 * the namespaces its client components use (keep in step with their
 * useTranslations calls): the storefront's pages do not carry the dashboard's texts.
 */
export const STOREFRONT_CLIENT_NAMESPACES = ["header", "shop", "cart", "errors", "checkout", "order", "signIn", "apply"] as const;
export const DASHBOARD_CLIENT_NAMESPACES = [...STOREFRONT_CLIENT_NAMESPACES, "dashboard", "importIssues", "payments"] as const;
export const ADMIN_CLIENT_NAMESPACES = [...STOREFRONT_CLIENT_NAMESPACES, "admin"] as const;

export async function clientMessages(namespaces: readonly string[]): Promise<Record<string, unknown>> {
  const all = (await getMessages()) as Record<string, unknown>;
  return Object.fromEntries(namespaces.filter((name) => name in all).map((name) => [name, all[name]]));
}
