import QRCode from "qrcode";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/locales";
import { formatPrice } from "@/lib/money/format";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";
import { formatVoucherCode } from "@/lib/vouchers/codes";
import { lastDay, listVoucherCodes } from "@/lib/vouchers/issue-codes";
import { adminPage } from "../../../_lib/guard";

/**
 * The printable sheet: one voucher per cell, with its value, code, QR code (the
 * code itself, for a shop or relay desk to scan) and where to use it. Codes
 * already emailed are left out; spent ones too.
 */
export default async function VoucherSheetPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  const { actor, territory } = await adminPage(`/admin/bons/${campaignId}/planche`);
  const data = await listVoucherCodes(db(), { actor, territoryId: territory.id, campaignId }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const [t, locale, site] = await Promise.all([getTranslations("campaigns"), getLocale().then(toLocale), publicUrlOfTerritory(db(), territory.id)]);
  const printable = data.vouchers.filter((v) => !v.recipientEmail && v.balanceCents > 0);
  const cells = await Promise.all(printable.map(async (v) => ({ ...v, svg: await QRCode.toString(v.code, { type: "svg", margin: 1, width: 96, errorCorrectionLevel: "M" }) })));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-brand-800 print:hidden">{t("sheetHeading", { name: data.campaign.name, count: cells.length })}</h1>
      <p className="text-muted print:hidden">{t("sheetHelp")}</p>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 print:grid-cols-2 print:gap-2">
        {cells.map((cell) => (
          <li key={cell.code} className="flex break-inside-avoid items-center gap-3 rounded-lg border-2 border-dashed border-gray-500 p-3" data-testid="voucher-cell">
            <div role="img" aria-label={t("sheetQr", { code: formatVoucherCode(cell.code) })} className="h-24 w-24 shrink-0 bg-white" dangerouslySetInnerHTML={{ __html: cell.svg }} />
            <div className="space-y-1">
              <p className="text-sm font-medium">{data.campaign.territory.name} — {data.campaign.name}</p>
              <p className="text-2xl font-bold">{formatPrice(cell.valueCents, locale)}</p>
              <p className="font-mono text-lg font-bold tracking-wider" data-testid="voucher-code">{formatVoucherCode(cell.code)}</p>
              <p className="text-xs">{t("sheetUse", { site, to: lastDay(data.campaign.endsAt, locale) })}</p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
