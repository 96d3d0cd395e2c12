import { getTranslations } from "next-intl/server";
import { AutomationForm } from "@/components/dashboard/AutomationForm";
import { ClosuresForm } from "@/components/dashboard/ClosuresForm";
import { ScheduleEditor } from "@/components/dashboard/ScheduleEditor";
import { rowsFromRules } from "@/lib/slots/rule-rows";
import { db } from "@/lib/db/prisma";
import { getScheduleEditor } from "@/lib/slots/manage-schedule";
import { getAutomationSettings } from "@/lib/shops/automation-settings";
import { dashboardPage } from "../../_lib/guard";

export default async function PickupSettingsPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/retraits`);
  const [editor, automation] = await Promise.all([getScheduleEditor(db(), { actor, shopId }), getAutomationSettings(db(), { actor, shopId })]);
  const t = await getTranslations("dashboard");
  // The delivery rounds' point is named in the reader's language, not by its row.
  const pointName = (point: { name: string; kind: string }) => (point.kind === "DELIVERY" ? t("deliverySettingsHeading") : point.name);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("pickupHeading")}</h1>
      <p className="max-w-3xl">{t("pickupHelp")}</p>
      {!editor.canEdit && <p role="note" className="rounded-lg bg-amber-100 p-3 text-amber-950">{t("ownerOnly")}</p>}
      {editor.points.map((point) => (
        <ScheduleEditor
          key={point.id}
          shopId={shopId}
          point={{ id: point.id, name: pointName(point) }}
          initialRows={point.rules.length > 0 ? rowsFromRules(point.rules) : editor.suggested.rows}
          suggestedBy={point.rules.length === 0 && editor.suggested.rows.length > 0 ? editor.suggested.townName : undefined}
          canEdit={editor.canEdit}
        />
      ))}
      <ClosuresForm shopId={shopId} points={editor.points.map((p) => ({ id: p.id, name: pointName(p) }))} closures={editor.closures} canEdit={editor.canEdit} />
      <AutomationForm shopId={shopId} settings={automation} canEdit={automation.canEdit} />
    </div>
  );
}
