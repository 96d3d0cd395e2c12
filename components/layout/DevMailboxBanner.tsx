import { getTranslations } from "next-intl/server";

/** Shown on every page while emails stay in the dev mailbox instead of leaving by SMTP. */
export async function DevMailboxBanner() {
  const t = await getTranslations("mailbox");
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 print:hidden" data-testid="dev-mailbox-banner">
      {t("bannerText")}{" "}
      <a href="/dev/mailbox" className="font-medium underline">
        {t("bannerLink")}
      </a>
    </div>
  );
}
