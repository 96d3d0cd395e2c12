import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReviewForm } from "@/components/admin/ReviewForm";
import { getApplication } from "@/lib/admin/review-application";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { adminPage } from "../../_lib/guard";

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor } = await adminPage(`/admin/demandes/${id}`);
  const application = await getApplication(db(), { actor, applicationId: id }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, tApply] = await Promise.all([getTranslations("admin"), getTranslations("apply")]);
  const rows: [string, string][] = [
    [tApply("status"), tApply(application.status)],
    [tApply("siret"), application.siret],
    [tApply("category"), application.category.nameFr],
    [tApply("address"), `${application.addressLine}, ${application.postalCode} ${application.commune.name}`],
    [tApply("contactName"), application.contactName],
    [tApply("contactEmail"), application.contactEmail],
    [tApply("contactPhone"), application.contactPhone],
    [tApply("pickupOptions"), application.pickupOptions.map((o) => tApply(o as "door" | "relay")).join(", ")],
    [tApply("description"), application.description],
  ];
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("detail", { name: application.shopName })}</h1>
      <dl className="grid gap-2 rounded-xl bg-white p-4 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="whitespace-pre-wrap" data-testid={`application-${label}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {(application.status === "SUBMITTED" || application.status === "CHANGES_REQUESTED") && <ReviewForm applicationId={application.id} />}
    </div>
  );
}
