import { getTranslations } from "next-intl/server";

/** On every page of a town in preparation: only its team can see them (their preview pass), and must know the public cannot. */
export async function PreviewBanner({ name }: { name: string }) {
  const t = await getTranslations("towns");
  return (
    <div role="note" className="flex flex-wrap items-center justify-center gap-x-4 bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 print:hidden" data-testid="preview-banner">
      <span>{t("previewBanner", { name })}</span>
      <a href="/admin" className="font-medium underline">{t("previewBackToAdmin")}</a>
    </div>
  );
}
