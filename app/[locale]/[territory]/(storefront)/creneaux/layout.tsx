import type { ReactNode } from "react";
import { StorefrontIntl } from "@/components/i18n/StorefrontIntl";

/** Its forms translate in the browser: they get the storefront's messages (catalog pages do not). */
export default function WithTranslations({ children }: { children: ReactNode }) {
  return <StorefrontIntl>{children}</StorefrontIntl>;
}
