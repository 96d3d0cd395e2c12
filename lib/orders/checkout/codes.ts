import { randomBytes, randomInt } from "node:crypto";

// No 0/O, 1/I/L: codes are read aloud and typed at the counter.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function randomCode(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Short code the customer shows at pickup. */
export const newPickupCode = () => randomCode(6);

/** Human order reference, e.g. "CMD-7K3M9Q". */
export const newOrderReference = () => `CMD-${randomCode(6)}`;

/** Secret for links that open an order without an account. */
export const newAccessToken = () => randomBytes(24).toString("base64url");
