import Image from "next/image";
import { getTranslations } from "next-intl/server";
import type { ActionResult } from "@/lib/actions/action-result";
import { mediaUrl } from "@/lib/storage/media-store";
import { ActionForm } from "./ActionForm";

type Action = (state: ActionResult, formData: FormData) => Promise<ActionResult>;

/** Photos of a product or a shop: thumbnails with a remove button each, and an upload form (camera on phones). */
export async function PhotoManager(props: { id: string; name: string; photos: string[]; hidden: Record<string, string>; upload: Action; remove: Action }) {
  const t = await getTranslations("dashboard");
  const hiddenFields = Object.entries(props.hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <section aria-labelledby={`${props.id}-heading`} className="max-w-xl space-y-3 rounded-xl bg-white p-4">
      <h2 id={`${props.id}-heading`} className="text-xl font-semibold">{t("photos")}</h2>
      {props.photos.length === 0 ? (
        <p className="text-muted">{t("noPhotos")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {props.photos.map((key, index) => (
            <li key={key} className="space-y-1">
              <Image src={mediaUrl(key)} alt={t("photoAlt", { index: index + 1, name: props.name })} width={200} height={200} unoptimized className="aspect-square w-full rounded-lg object-cover" />
              <ActionForm action={props.remove} submitLabel={t("removePhoto", { index: index + 1 })} pendingLabel={t("saving")} successLabel="" danger>
                {hiddenFields}
                <input type="hidden" name="key" value={key} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={props.upload} submitLabel={t("uploadPhoto")} pendingLabel={t("uploading")} successLabel={t("photoAdded")}>
        {hiddenFields}
        <label htmlFor={`${props.id}-file`} className="block font-medium">{t("addPhoto")}</label>
        <input id={`${props.id}-file`} name="photo" type="file" accept="image/*" capture="environment" required className="block min-h-11 w-full rounded-lg border border-gray-500 p-2" />
      </ActionForm>
    </section>
  );
}
