import type { FormFields } from "@/lib/actions/form-fields";

/** Reads the checkout form (one block of fields per shop, "shop.<id>.<field>") into placeOrders' input. */
export function checkoutInputFromForm(form: FormFields) {
  return {
    idempotencyKey: form.text("idempotencyKey"),
    contact: { name: form.text("name"), email: form.text("email"), phone: form.text("phone") },
    note: form.optional("note"),
    voucherCode: form.optional("voucherCode"),
    // The address block is sent whole once a commune is chosen; the server checks it against each delivering shop.
    delivery: form.optional("delivery.communeId")
      ? { communeId: form.text("delivery.communeId"), addressLine: form.text("delivery.addressLine"), instructions: form.optional("delivery.instructions") }
      : undefined,
    shops: form.all("shopId").slice(0, 50).map((shopId) => ({
      shopId,
      pickupPointId: form.text(`shop.${shopId}.pickupPointId`),
      slotStartsAt: form.text(`shop.${shopId}.slotStartsAt`),
      paymentMethod: form.text(`shop.${shopId}.paymentMethod`),
      acceptSubstitutes: form.flag(`shop.${shopId}.acceptSubstitutes`),
    })),
  };
}
