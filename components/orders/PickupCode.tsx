import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";

/** The pickup code in large letters and as a QR code the shop can scan (or, with `relay`, a relay basket's code; with `delivery`, the code given to the driver). */
export async function PickupCode({ code, relay = false, delivery = false }: { code: string; relay?: boolean; delivery?: boolean }) {
  const t = await getTranslations("order");
  const svg = await QRCode.toString(code, { type: "svg", margin: 1, width: 160, errorCorrectionLevel: "M" });
  return (
    <div className="flex flex-wrap items-center gap-4">
      <div>
        <p className="text-sm font-medium text-muted">{t(relay ? "relayCode" : delivery ? "deliveryCode" : "pickupCode")}</p>
        <p className="font-mono text-3xl font-bold tracking-widest" data-testid={relay ? "relay-code" : "pickup-code"}>
          {code}
        </p>
      </div>
      <div role="img" aria-label={t(relay ? "relayQr" : "qr", { code })} className="h-40 w-40 bg-white" dangerouslySetInnerHTML={{ __html: svg }} />
    </div>
  );
}
