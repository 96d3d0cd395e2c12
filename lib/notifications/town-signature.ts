/** What an email's signature says of its town (issue #12: emails carry the town's identity). */
export type TownSignature = { name: string; contactEmail: string | null; contactPhone: string | null; contactAddress: string | null };

const CLOSING = /\n—\nComptoir\s*$/;

/**
 * Signs an email in the name of its town: "— / Comptoir — Niort Agglo" and the
 * town's contact (address, phone · email) replace the bare "— / Comptoir" the
 * use cases end with; an email without that closing gets the signature after it.
 */
export function signWithTown(text: string, town: TownSignature): string {
  const contact = [town.contactPhone, town.contactEmail].filter(Boolean).join(" · ");
  const signature = ["—", `Comptoir — ${town.name}`, ...(town.contactAddress ? [town.contactAddress] : []), ...(contact ? [contact] : [])].join("\n");
  return CLOSING.test(text) ? text.replace(CLOSING, `\n${signature}`) : `${text.replace(/\s+$/, "")}\n\n${signature}`;
}
