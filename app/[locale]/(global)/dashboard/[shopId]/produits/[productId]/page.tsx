import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArchiveForm } from "@/components/dashboard/ArchiveForm";
import { ProductForm } from "@/components/dashboard/ProductForm";
import { PhotoManager } from "@/components/ui/PhotoManager";
import { removeProductPhotoAction, uploadProductPhotoAction } from "@/app/actions/products";
import { getShopProduct } from "@/lib/catalog/manage-products";
import { db } from "@/lib/db/prisma";
import { dashboardPage } from "../../../_lib/guard";
import { euroInputValue } from "@/lib/money/format";

export default async function EditProductPage({ params }: { params: Promise<{ shopId: string; productId: string }> }) {
  const { shopId, productId } = await params;
  const { actor } = await dashboardPage(shopId, `/dashboard/${shopId}/produits/${productId}`);
  const product = await getShopProduct(db(), { actor, shopId, productId });
  if (!product) notFound();
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-4">
      <Link href={`/dashboard/${shopId}/produits`} className="underline">← {t("backToProducts")}</Link>
      <h1 className="text-3xl font-bold text-brand-800">{t("editHeading")}</h1>
      {product.archivedAt && <p role="status" className="rounded-lg bg-amber-100 p-3 text-amber-950">{t("archivedNote")}</p>}
      <ProductForm
        shopId={shopId}
        productId={product.id}
        values={{
          name: product.name,
          description: product.description,
          section: product.section ?? "",
          sku: product.sku ?? "",
          price: euroInputValue(product.priceCents),
          vatRateBp: product.vatRateBp,
          unit: product.unit,
          stock: product.stock,
          lowStockAlert: product.lowStockAlert,
          soldByWeight: product.soldByWeight,
          pieceGrams: product.pieceGrams,
          weightTolerance: product.weightToleranceBp / 100,
        }}
      />
      <PhotoManager id="product-photos" name={product.name} photos={product.photos} hidden={{ shopId, productId: product.id }} upload={uploadProductPhotoAction} remove={removeProductPhotoAction} />
      <ArchiveForm shopId={shopId} productId={product.id} archived={product.archivedAt !== null} label={product.archivedAt ? t("unarchive") : t("archive")} />
    </div>
  );
}
