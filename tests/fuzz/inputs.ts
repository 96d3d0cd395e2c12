/**
 * Malformed inputs for the fuzz test, drawn from a seeded generator so a failing
 * run can be replayed. Every value here is invalid for every field of the app:
 * NUL bytes, lone surrogates, oversized text. (Plausible values live in the
 * "deep" phase only, where no row check is made.)
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

/** Values no field accepts. */
export const INVALID_VALUES = [
  "\u0000",
  "abc\u0000def",
  "\u0000' OR 1=1 --",
  "%00",
  "\ud800",
  "a\udfffb",
  "x".repeat(100_000),
  "é".repeat(30_000),
  "1\u0000",
  "\u0000\u0000\u0000".repeat(1000),
] as const;

/** Values that look plausible somewhere (deep phase only). */
export const PLAUSIBLE_VALUES = [
  "",
  " ",
  "-1",
  "0",
  "0x10",
  "1e309",
  "NaN",
  "Infinity",
  "9".repeat(400),
  "12,5",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  '{"$gt":""}',
  "[]",
  "null",
  "true",
  "on",
  "2026-13-45",
  "=cmd|' /C calc'!A0",
  "💥".repeat(50),
  "\r\n\r\n",
  "$K1",
  "$undefined",
  "$@1",
] as const;

/** Every form field name the app's actions read. */
export const FIELD_NAMES = [
  "shopId", "productId", "orderId", "quantity", "stock", "unlimited", "price", "vatRateBp", "name", "description", "section", "sku", "unit", "lowStockAlert",
  "email", "token", "key", "idempotencyKey", "phone", "note", "action", "pickupCode", "reason", "locale", "pickupPointId", "startsOn", "endsOn", "closureId",
  "acknowledgeAffected", "memberId", "hours.1", "hours.7", "latitude", "longitude", "paymentMethods", "relayPointIds", "applicationId", "decision", "slug", "communes",
  "admins", "territoryId", "live", "categoryId", "direction", "nameFr", "nameEn", "icon", "id", "addressLine", "postalCode", "city", "instructions",
  "capacityPerSlot", "active", "shopIds", "siret", "communeId", "contactName", "contactEmail", "contactPhone", "pickupOptions", "suspended", "missing", "archived",
  "productIds", "onBehalfOfCaller", "mode", "website",
  "enabled", "minimum", "freeFrom", "zone", "slotStartsAt", "delivery.communeId", "delivery.addressLine", "delivery.instructions",
] as const;

/** Argument lists sent as JSON (text/plain) to an action: wrong arity, wrong types, React references to nothing. */
export const JSON_ARGUMENTS: readonly string[] = [
  "[]",
  "[null]",
  "[null,null]",
  '[{},"not a form"]',
  "[{},42]",
  "[{},[1,2,3]]",
  '[{},{"get":"x"}]',
  '["$K1"]',
  '[{},"$K9"]',
  '[{},"$@1"]',
  '[{},"$Q1"]',
  '[{},"$W1"]',
  '[{},"$Dnot-a-date"]',
  '[{},"$n99999999999999999999999999"]',
  '[{},"$B1"]',
  '[{},"$T"]',
  '[{},"$F1"]',
  '[{},"$h1"]',
  '["a\\u0000b","b","c",true]',
  '["shop",null,[{"weekday":"\\u0000"}],"yes"]',
  `[${"[".repeat(500)}${"]".repeat(500)}]`,
  `["${"x".repeat(200_000)}"]`,
  `[${Array.from({ length: 5000 }, () => "1").join(",")}]`,
];

/** Bodies that are not JSON at all. */
export const GARBAGE_BODIES: readonly string[] = ["garbage{", "", "\u0000", "[1,", '{"a":1}', "\ud800", "%E0%A4%A", "<xml/>", "x".repeat(50_000)];

/** Query parameter names the pages read. */
export const QUERY_NAMES = ["q", "categorie", "commune", "ouvert", "aujourdhui", "page", "t", "token", "format", "days", "point", "show", "callbackUrl", "to", "error", "status", "shop"] as const;

/** Raw (already percent-encoded) path segments and query values that must never reach a 500. */
export const RAW_URL_VALUES = ["%00", "a%00b", "%E0%A4%A", "%ZZ", "%", "%C0%80", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", encodeURIComponent("x".repeat(5000)), "%F0%9F%92%A5", "%0D%0ASet-Cookie:%20a=b", "-1", "0x10", "%27%20OR%201=1--"] as const;
