import { z } from "zod";
import { euroAmount } from "@/lib/catalog/product-input";

const optionalEuros = z
  .union([z.literal(""), euroAmount])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

/** A shop's delivery terms as the owner sets them: on or off, the communes and their fees, the thresholds. */
export const deliverySettingsInput = z
  .object({
    enabled: z.boolean(),
    minimum: optionalEuros,
    freeFrom: optionalEuros,
    zones: z
      .array(z.object({ communeId: z.string().min(1).max(64), fee: euroAmount }))
      .max(200)
      .refine((zones) => new Set(zones.map((z) => z.communeId)).size === zones.length, "zoneDuplicate"),
  })
  .refine((input) => !input.enabled || input.zones.length > 0, { message: "deliveryZoneRequired", path: ["zones"] })
  .refine((input) => input.zones.every((zone) => zone.fee <= 10_000), { message: "deliveryFeeTooHigh", path: ["zones"] })
  .refine((input) => (input.minimum ?? 0) <= 100_000 && (input.freeFrom ?? 0) <= 100_000, { message: "priceInvalid", path: ["minimum"] });

export type DeliverySettingsInput = z.infer<typeof deliverySettingsInput>;
