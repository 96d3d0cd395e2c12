import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProductForm } from "@/components/dashboard/ProductForm";
import { dashboardPage } from "../../../_lib/guard";

export default async function NewProductPage({ params }: { params: Promise<{ shopId: string }> }) {
  const { shopId } = await params;
  await dashboardPage(shopId, `/dashboard/${shopId}/produits/nouveau`);
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-4">
      <Link href={`/dashboard/${shopId}/produits`} className="underline">← {t("backToProducts")}</Link>
      <h1 className="text-3xl font-bold text-brand-800">{t("createHeading")}</h1>
      <ProductForm shopId={shopId} values={{ name: "", description: "", section: "", sku: "", price: "", vatRateBp: 550, unit: "pièce", stock: 0, lowStockAlert: 3, soldByWeight: false, pieceGrams: null, weightTolerance: 15 }} />
    </div>
  );
}
