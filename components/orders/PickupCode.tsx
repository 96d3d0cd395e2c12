import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";

/** The pickup code in large letters and as a QR code the shop can scan. */
export async function PickupCode({ code }: { code: string }) {
  const t = await getTranslations("order");
  const svg = await QRCode.toString(code, { type: "svg", margin: 1, width: 160, errorCorrectionLevel: "M" });
  return (
    <div className="flex flex-wrap items-center gap-4">
      <div>
        <p className="text-sm font-medium text-muted">{t("pickupCode")}</p>
        <p className="font-mono text-3xl font-bold tracking-widest" data-testid="pickup-code">
          {code}
        </p>
      </div>
      <div role="img" aria-label={t("qr", { code })} className="h-40 w-40 bg-white" dangerouslySetInnerHTML={{ __html: svg }} />
    </div>
  );
}
