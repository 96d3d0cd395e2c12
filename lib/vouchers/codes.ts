import { createHash, randomInt } from "node:crypto";

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

const hash = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 32);

/**
 * Who takes a top-up, as the cap counts them: an email and a phone, hashed (the
 * same email or the same phone on another order is the same person).
 */
export function voucherPersonKeys(contact: { email: string | null | undefined; phone: string | null | undefined }): { emailKey: string | null; phoneKey: string | null } {
  const email = contact.email?.trim().toLowerCase();
  const digits = contact.phone?.replace(/\D/g, "").replace(/^33/, "0");
  return { emailKey: email ? `email:${hash(email)}` : null, phoneKey: digits && digits.length >= 6 ? `phone:${hash(digits)}` : null };
}
