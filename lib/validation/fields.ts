import { z } from "zod";

/**
 * Strict building blocks for form input. `z.coerce.number()` reads "" as 0 and
 * "0x10" as 16: a blank stock field would silently mean "sold out" and a crafted
 * quantity would add 16. These accept digits only.
 */

/** A whole number typed in a form (digits only, optional spaces around) or sent as a number, within bounds. */
export const wholeNumber = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d{1,9}$/, message).transform(Number)], { message })
    .pipe(z.number({ message }).int(message).min(min, message).max(max, message));

/** A decimal number ("46.58", "46,58", "-0.34") or a number, within bounds. */
export const decimalNumber = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^-?\d{1,4}([.,]\d{1,12})?$/, message).transform((v) => Number(v.replace(",", ".")))], { message })
    .pipe(z.number({ message }).finite(message).min(min, message).max(max, message));

/** Text without NUL bytes (PostgreSQL refuses them), at most `max` characters. */
export const boundedText = (max: number, message = "textTooLong") => z.string().max(max, message).refine((v) => !v.includes("\u0000"), message);
