import { getTranslations } from "next-intl/server";

/** On every page of a town in preparation: its team (preview pass) and its first applicants see them, and must know the public cannot. */
export async function PreviewBanner({ name }: { name: string }) {
  const t = await getTranslations("towns");
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950 print:hidden" data-testid="preview-banner">
      <span>{t("previewBanner", { name })}</span>
    </div>
  );
}
