import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/actor";
import { requireAdmin } from "@/lib/auth/guards";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatPrice } from "@/lib/money/format";
import { queueEmail } from "@/lib/notifications/outbox";
import { publicUrlOfTerritory } from "@/lib/territory/public-url";
import { issueCodesInput, parseRecipients } from "./campaigns";
import { formatVoucherCode, newVoucherCode } from "./codes";

const MAX_PER_ISSUE = 5000;

/** A campaign ends at the midnight after its last day: the day people read is the one before. */
export const lastDay = (endsAt: Date, locale = "fr-FR") => new Date(endsAt.getTime() - 1).toLocaleDateString(locale, { timeZone: "Europe/Paris", day: "numeric", month: "long", year: "numeric" });

/**
 * Issues codes of a CODES campaign: `count` codes to print or export, and one
 * code per pasted address, emailed (queued in the same transaction, so a failed
 * issue sends nothing). Audited with the number and total value issued, never
 * the codes themselves.
 */
export async function issueVoucherCodes(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string; input: unknown }): Promise<{ issued: number; emailed: number }> {
  requireAdmin(request.actor, request.territoryId);
  const input = issueCodesInput.parse(request.input);
  const recipients = parseRecipients(input.emails);
  const total = input.count + recipients.length;
  if (total === 0) throw new DomainError("invalidInput", "nothing to issue", { reason: "codeCountInvalid", field: "count" });
  if (total > MAX_PER_ISSUE) throw new DomainError("invalidInput", "too many at once", { reason: "codeCountInvalid", field: "count" });
  const campaign = await db.voucherCampaign.findFirst({ where: { id: request.campaignId, territoryId: request.territoryId }, select: { id: true, name: true, kind: true, voucherValueCents: true, endsAt: true, territory: { select: { name: true } } } });
  if (!campaign) throw new NotFoundError("campaign");
  if (campaign.kind !== "CODES" || !campaign.voucherValueCents) throw new DomainError("conflict", "not a codes campaign", { reason: "notCodesCampaign" });
  const value = campaign.voucherValueCents;
  const site = await publicUrlOfTerritory(db, request.territoryId);
  return db.$transaction(
    async (tx) => {
      const printed = Array.from({ length: input.count }, () => ({ campaignId: campaign.id, code: newVoucherCode(), valueCents: value, balanceCents: value }));
      if (printed.length) await tx.voucher.createMany({ data: printed });
      for (const to of recipients) {
        const code = newVoucherCode();
        await tx.voucher.create({ data: { campaignId: campaign.id, code, valueCents: value, balanceCents: value, recipientEmail: to } });
        await queueEmail(tx, {
          to,
          territoryId: request.territoryId,
          kind: "voucher-code",
          subject: `Votre bon d’achat de ${formatPrice(value, "fr")} — ${campaign.name}`,
          text: [
            "Bonjour,",
            "",
            `${campaign.territory.name} vous offre un bon d’achat de ${formatPrice(value, "fr")} à utiliser chez les commerces participants, en commandant sur ${site}.`,
            "",
            `Votre code : ${formatVoucherCode(code)}`,
            "",
            `Tapez-le au moment de commander, dans « Bons d’achat de la ville ». Il sert jusqu’à épuisement de son montant, jusqu’au ${lastDay(campaign.endsAt)} inclus.`,
            "Gardez ce code pour vous : il vaut de l’argent.",
          ].join("\n"),
        });
      }
      await audit(tx, { actor: request.actor, territoryId: request.territoryId, action: "voucher.codes.issue", entityType: "VoucherCampaign", entityId: campaign.id, after: { printed: printed.length, emailed: recipients.length, valueCents: value, totalCents: value * total } });
      return { issued: total, emailed: recipients.length };
    },
    { timeout: 60_000 },
  );
}

/** The campaign's codes for the printable sheet and the CSV (admins only). */
export async function listVoucherCodes(db: PrismaClient, request: { actor: Actor; territoryId: string; campaignId: string }) {
  requireAdmin(request.actor, request.territoryId);
  const campaign = await db.voucherCampaign.findFirst({ where: { id: request.campaignId, territoryId: request.territoryId }, select: { id: true, name: true, endsAt: true, voucherValueCents: true, territory: { select: { name: true } } } });
  if (!campaign) throw new NotFoundError("campaign");
  const vouchers = await db.voucher.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" }, select: { code: true, valueCents: true, balanceCents: true, recipientEmail: true, createdAt: true } });
  return { campaign, vouchers };
}
