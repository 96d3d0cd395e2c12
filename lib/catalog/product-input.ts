import { z } from "zod";
import { wholeNumber } from "@/lib/validation/fields";

export const VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;

/** "12,50" / "12.5" / "12" → 1250 cents; rejects anything else. */
export const euroAmount = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, "priceInvalid")
  .transform((value) => Math.round(Number(value.replace(",", ".")) * 100));

const optionalText = (max: number) => z.string().trim().max(max, "textTooLong").optional().transform((v) => (v ? v : null));

export const productFields = z.object({
  name: z.string().trim().min(2, "nameRequired").max(120, "nameTooLong"),
  description: z.string().trim().max(2000, "textTooLong").default(""),
  section: optionalText(60),
  sku: optionalText(40),
  price: euroAmount,
  vatRateBp: wholeNumber(0, 10_000, "vatInvalid").refine((v) => (VAT_RATES_BP as readonly number[]).includes(v), "vatInvalid"),
  unit: z.string().trim().min(1, "unitRequired").max(30, "textTooLong"),
  unlimited: z.union([z.literal("on"), z.literal("1"), z.literal("true"), z.literal(""), z.null()]).optional().transform((v) => v === "on" || v === "1" || v === "true"),
  stock: z.union([z.literal(""), z.null(), wholeNumber(0, 100_000, "stockInvalid")]).optional(),
  lowStockAlert: z.union([z.literal("").transform(() => 3), wholeNumber(0, 1000, "stockInvalid")]).default(3),
  soldByWeight: z.union([z.literal("on"), z.literal("true"), z.literal(""), z.null()]).optional().transform((v) => v === "on" || v === "true"),
  pieceGrams: z.union([z.literal(""), z.null(), wholeNumber(1, 100_000, "pieceGramsInvalid")]).optional(),
  /** Tolerance in whole percent (0–50) */
  weightTolerance: z.union([z.literal("").transform(() => 15), wholeNumber(0, 50, "toleranceInvalid")]).default(15),
})
  // Sold by weight: the price is per kg and a piece weighs about pieceGrams.
  .refine((input) => !input.soldByWeight || typeof input.pieceGrams === "number", { path: ["pieceGrams"], message: "pieceGramsInvalid" })
  // A blank stock is not zero: it must be typed, or the product marked unlimited.
  .refine((input) => input.unlimited || typeof input.stock === "number", { path: ["stock"], message: "stockRequired" });

/** Product fields as the use cases store them (stock null = unlimited). */
export function toProductData(input: z.infer<typeof productFields>) {
  const stock = input.unlimited || typeof input.stock !== "number" ? null : input.stock;
  return {
    name: input.name,
    description: input.description,
    section: input.section,
    sku: input.sku,
    priceCents: input.price,
    vatRateBp: input.vatRateBp,
    unit: input.unit,
    stock,
    lowStockAlert: input.lowStockAlert,
    soldByWeight: input.soldByWeight,
    pieceGrams: input.soldByWeight && typeof input.pieceGrams === "number" ? input.pieceGrams : null,
    weightToleranceBp: input.weightTolerance * 100,
  };
}
