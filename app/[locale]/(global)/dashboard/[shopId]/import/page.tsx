import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/dashboard/ImportForm";
import { dashboardPage } from "../../_lib/guard";

export default async function ImportPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  await dashboardPage(shopId, `/dashboard/${shopId}/import`);
  const t = await getTranslations("dashboard");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("importHeading")}</h1>
      <p>{t("importHelp")}</p>
      <p className="flex flex-wrap gap-4">
        <a href={`/api/dashboard/${shopId}/template`} className="inline-flex min-h-11 items-center underline">{t("template")}</a>
        <a href={`/api/dashboard/${shopId}/export`} className="inline-flex min-h-11 items-center underline">{t("export")}</a>
      </p>
      <ImportForm shopId={shopId} />
    </div>
  );
}
