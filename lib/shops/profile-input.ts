import { z } from "zod";
import { decimalNumber } from "@/lib/validation/fields";
import { emailSchema } from "@/lib/auth/email";

const period = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]|24):[0-5]\d$/;

/** "09:00-12:30, 14:30-19:00" for one weekday → [{opens, closes}…]; "" = closed. */
export const dayHours = z
  .string()
  .trim()
  .max(100)
  .transform((value, ctx) => {
    if (!value) return [];
    const periods = value.split(",").map((p) => p.replace(/\s/g, ""));
    if (!periods.every((p) => period.test(p))) {
      ctx.addIssue({ code: "custom", message: "hoursFormat" });
      return z.NEVER;
    }
    const parsed = periods.map((p) => ({ opens: p.slice(0, 5), closes: p.slice(6) }));
    if (!parsed.every((p) => p.opens < p.closes)) {
      ctx.addIssue({ code: "custom", message: "hoursOrder" });
      return z.NEVER;
    }
    return parsed;
  });

export const shopDetailsInput = z.object({
  description: z.string().trim().max(2000, "textTooLong"),
  phone: z.string().trim().regex(/^$|^[0-9 +().-]{6,20}$/, "phoneInvalid"),
  email: z.union([z.literal(""), emailSchema]),
  website: z.union([z.literal(""), z.url({ message: "urlInvalid", protocol: /^https?$/ })]),
  addressLine: z.string().trim().min(3, "addressRequired").max(200, "textTooLong"),
  latitude: decimalNumber(-90, 90, "positionInvalid"),
  longitude: decimalNumber(-180, 180, "positionInvalid"),
  hours: z.array(dayHours).length(7),
});

export const shopSettingsInput = z.object({
  paymentMethods: z.array(z.enum(["PAY_AT_PICKUP", "ONLINE"])).min(1, "paymentMethodRequired"),
  relayPointIds: z.array(z.string().min(1).max(64)).max(50),
});

/** Weekly hours as stored: [{weekday, opens, closes}] */
export function toOpeningHours(hours: { opens: string; closes: string }[][]) {
  return hours.flatMap((periods, index) => periods.map((p) => ({ weekday: index + 1, ...p })));
}

/** Weekly hours as the form shows them, one string per weekday. */
export function hoursToText(hours: { weekday: number; opens: string; closes: string }[]): string[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
    hours
      .filter((h) => h.weekday === weekday)
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${h.opens}-${h.closes}`)
      .join(", "),
  );
}
