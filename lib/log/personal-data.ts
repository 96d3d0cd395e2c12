/**
 * Logs carry no personal data (issue #13): values under these keys are masked by
 * the logger, and email addresses and phone numbers are masked in any text it
 * writes (messages, error messages, stacks).
 */
export const PERSONAL_KEYS = ["email", "contactEmail", "to", "toAddress", "phone", "contactPhone", "contactName", "name", "address", "addressLine", "contactAddress", "password", "token", "cookie", "authorization"];

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// French numbers as typed (06 12 34 56 78, 06.12.34.56.78, +33 6 12 34 56 78, 0612345678)
const PHONE = /(?:\+33\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g;

export function maskPersonal(text: string): string {
  return text.replace(EMAIL, "[e-mail]").replace(PHONE, "[téléphone]");
}
