import { z } from "zod";
import { emailSchema } from "@/lib/auth/email";

export const placeOrdersInput = z.object({
  idempotencyKey: z.uuid("invalidRequest"),
  contact: z.object({
    name: z.string().trim().min(2, "nameRequired").max(100, "nameTooLong"),
    email: z.union([z.literal(""), emailSchema]).optional(),
    phone: z.string().trim().regex(/^[0-9 +().-]{6,20}$/, "phoneInvalid"),
  }),
  shops: z
    .array(
      z.object({
        shopId: z.string().min(1).max(64),
        pickupPointId: z.string().min(1, "pickupPointRequired").max(64),
        slotStartsAt: z.iso.datetime({ message: "slotRequired", offset: true }),
        paymentMethod: z.enum(["PAY_AT_PICKUP", "ONLINE"], { message: "paymentMethodRequired" }),
        /** "Accept reasonable substitutes without asking" for this shop's order (issue #24) */
        acceptSubstitutes: z.boolean().default(false),
      }),
    )
    .min(1, "cartEmpty")
    .max(20),
  note: z.string().trim().max(500).optional(),
  /** Where the shops chosen for delivery deliver (issue #15): one address for the basket */
  delivery: z
    .object({
      communeId: z.string().min(1, "deliveryCommuneRequired").max(64),
      addressLine: z.string().trim().min(3, "deliveryAddressRequired").max(200, "deliveryAddressTooLong"),
      instructions: z.string().trim().max(300, "deliveryInstructionsTooLong").optional(),
    })
    .optional(),
  /** A town voucher code (issue #14), as typed */
  voucherCode: z.string().trim().max(40, "voucherUnknown").optional(),
});

export type PlaceOrdersInput = z.infer<typeof placeOrdersInput>;
