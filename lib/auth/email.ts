import { z } from "zod";

/** RFC 5321 caps an address at 254 characters; nothing longer is stored. */
export const MAX_EMAIL_LENGTH = 254;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH, "emailInvalid").pipe(z.email("emailInvalid"));
