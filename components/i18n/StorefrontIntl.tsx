import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { STOREFRONT_CLIENT_NAMESPACES, clientMessages } from "@/lib/i18n/client-messages";

/**
 * Translations for the browser, given only to pages whose islands need them
 * (basket, checkout, orders, sign-in, account…): the cached catalog pages get
 * their few words from the server and load no translation library.
 */
export async function StorefrontIntl({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(STOREFRONT_CLIENT_NAMESPACES)}>{children}</NextIntlClientProvider>;
}
