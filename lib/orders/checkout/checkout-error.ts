import { DomainError } from "@/lib/errors";

export type CheckoutProblem =
  | { kind: "stock"; productId: string; name: string; available: number }
  | { kind: "unavailableProduct"; productId: string; name: string }
  | { kind: "slotFull"; shopId: string }
  | { kind: "slotInvalid"; shopId: string }
  | { kind: "pickupPointInvalid"; shopId: string }
  | { kind: "paymentMethodInvalid"; shopId: string }
  | { kind: "deliveryAddressMissing"; shopId: string }
  | { kind: "deliveryOutsideZone"; shopId: string }
  | { kind: "deliveryBelowMinimum"; shopId: string; minimumCents: number }
  | { kind: "shopMismatch" };

/** The checkout cannot go through as is; `problems` says exactly which line or slot changed. */
export class CheckoutError extends DomainError {
  constructor(readonly problems: CheckoutProblem[]) {
    super("conflict", `checkout refused: ${problems.map((p) => p.kind).join(", ")}`, { problems });
    this.name = "CheckoutError";
  }
}
