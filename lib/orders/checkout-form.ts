/** Reads the checkout form (one block of fields per shop, "shop.<id>.<field>") into placeOrders' input. */
export function checkoutInputFromForm(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const shopIds = formData.getAll("shopId").filter((v): v is string => typeof v === "string");
  return {
    idempotencyKey: text("idempotencyKey"),
    contact: { name: text("name") ?? "", email: text("email") ?? "", phone: text("phone") ?? "" },
    note: text("note"),
    shops: shopIds.map((shopId) => ({
      shopId,
      pickupPointId: text(`shop.${shopId}.pickupPointId`) ?? "",
      slotStartsAt: text(`shop.${shopId}.slotStartsAt`) ?? "",
      paymentMethod: text(`shop.${shopId}.paymentMethod`) ?? "",
    })),
  };
}
