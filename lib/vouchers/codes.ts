import { createHmac, randomInt } from "node:crypto";

/** No 0/O, 1/I: a code read aloud or typed from paper is not mistaken. 32 letters = 5 bits each. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LENGTH = 16;

/**
 * A voucher code: 16 random letters (80 bits). Even at the sign-in rate limit a
 * guesser tries a few thousand codes a day against at most tens of thousands of
 * live codes: the chance of a hit is about 1 in 10^15 per try.
 */
export function newVoucherCode(): string {
  return Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** How a code is printed: four groups of four. */
export const formatVoucherCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** What a person typed, as stored: upper case, without spaces or dashes; null when it cannot be a code. */
export function normaliseVoucherCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

// Keyed, not a bare hash: French phone numbers are few enough to be tried one by one.
const keyOf = (value: string) => createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "comptoir-voucher-person").update(`voucher-person:${value}`).digest("base64url").slice(0, 32);

/** A French number however it is written (06…, +33 6…, 0033 6…, +33 (0)6…) as one string of digits; null when it is none. */
export function normalisePhone(phone: string | null | undefined): string | null {
  let digits = (phone ?? "").replace(/\D/g, "");
  if (digits.startsWith("0033")) digits = digits.slice(4);
  else if (digits.startsWith("33") && digits.length >= 11) digits = digits.slice(2);
  if (digits.startsWith("0")) digits = digits.slice(1);
  return digits.length >= 6 ? digits : null;
}

/**
 * Who takes a top-up, as the cap counts them: an email and a phone, keyed (the
 * same email or the same phone on another order is the same person). A signed-in
 * customer is their account's address, whatever they type in the form.
 */
export function voucherPersonKeys(contact: { email: string | null | undefined; phone: string | null | undefined; accountEmail?: string | null }): { emailKey: string | null; phoneKey: string | null } {
  const email = (contact.accountEmail ?? contact.email)?.trim().toLowerCase();
  const phone = normalisePhone(contact.phone);
  return { emailKey: email ? `email:${keyOf(email)}` : null, phoneKey: phone ? `phone:${keyOf(phone)}` : null };
}
