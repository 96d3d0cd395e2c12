import Image from "next/image";
import { getTranslations } from "next-intl/server";
import { removeProductPhotoAction, uploadProductPhotoAction } from "@/app/actions/products";
import { ActionForm } from "@/components/ui/ActionForm";
import { mediaUrl } from "@/lib/storage/media-store";

export async function ProductPhotos({ shopId, productId, name, photos }: { shopId: string; productId: string; name: string; photos: string[] }) {
  const t = await getTranslations("dashboard");
  return (
    <section aria-labelledby="photos-heading" className="max-w-xl space-y-3 rounded-xl bg-white p-4">
      <h2 id="photos-heading" className="text-xl font-semibold">{t("photos")}</h2>
      {photos.length === 0 ? (
        <p className="text-muted">{t("noPhotos")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {photos.map((key, index) => (
            <li key={key} className="space-y-1">
              <Image src={mediaUrl(key)} alt={t("photoAlt", { index: index + 1, name })} width={200} height={200} unoptimized className="aspect-square w-full rounded-lg object-cover" />
              <ActionForm action={removeProductPhotoAction} submitLabel={t("removePhoto", { index: index + 1 })} pendingLabel={t("saving")} successLabel="" danger>
                <input type="hidden" name="shopId" value={shopId} />
                <input type="hidden" name="productId" value={productId} />
                <input type="hidden" name="key" value={key} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={uploadProductPhotoAction} submitLabel={t("uploadPhoto")} pendingLabel={t("uploading")} successLabel={t("photoAdded")}>
        <input type="hidden" name="shopId" value={shopId} />
        <input type="hidden" name="productId" value={productId} />
        <label htmlFor="photo-file" className="block font-medium">{t("addPhoto")}</label>
        <input id="photo-file" name="photo" type="file" accept="image/*" capture="environment" required className="block min-h-11 w-full rounded-lg border border-gray-500 p-2" />
      </ActionForm>
    </section>
  );
}
