import { getLocale } from "next-intl/server";
import { NotFoundContent } from "@/components/errors/NotFoundContent";
import { SiteFrame } from "@/components/layout/SiteFrame";
import { toLocale } from "@/lib/i18n/locales";

/** An address that names no page and no town: the platform's frame around the 404. */
export default async function NotFound() {
  return (
    <SiteFrame territory={null} locale={toLocale(await getLocale())}>
      <NotFoundContent />
    </SiteFrame>
  );
}
