import type { Tx } from "@/lib/db/client";
import { formatDay, formatSlot, formatTime } from "@/lib/time/format";
import { loadOrderForEmail, orderLink, queueCustomerEmail } from "./order-emails";

type Option = { startsAt: string; endsAt: string };

/** The page that answers a slot move: its own id and one-use secret. */
export const slotMoveLink = (publicUrl: string, slotMoveId: string, secret: string) => `${publicUrl}/creneaux/${slotMoveId}?s=${encodeURIComponent(secret)}`;

/** "Votre créneau est fermé : choisissez-en un autre" — the slots offered, the deadline, and what happens without an answer. */
export async function queueSlotMoveEmail(tx: Tx, email: { slotMoveId: string; secret: string }): Promise<void> {
  const move = await tx.slotMove.findUniqueOrThrow({ where: { id: email.slotMoveId } });
  const order = await loadOrderForEmail(tx, move.orderId);
  if (!order) return;
  const options = move.options as Option[];
  const first = options[0];
  await queueCustomerEmail(tx, order, {
    subject: `Commande ${order.reference} : votre créneau est fermé, choisissez-en un autre — ${order.shop.name}`,
    kind: "slot-move-proposed",
    lines: [
      `Bonjour ${order.contactName},`,
      "",
      `${order.shop.name} doit fermer pendant votre créneau du ${formatSlot(order.slotStartsAt, order.slotEndsAt, "fr")}${move.reason ? ` (${move.reason})` : ""}.`,
      "Voici les créneaux libres les plus proches :",
      ...options.map((o) => `- ${formatSlot(new Date(o.startsAt), new Date(o.endsAt), "fr")}`),
      "",
      `Choisir un créneau, ou annuler (remboursée) : ${slotMoveLink(order.publicUrl, move.id, email.secret)}`,
      "",
      first ? `Sans réponse avant ${formatDay(move.expiresAt, "fr")} à ${formatTime(move.expiresAt, "fr")}, votre commande passera au premier de ces créneaux encore libre (sinon elle sera annulée et remboursée).` : "",
      "",
      orderLink(order),
      "",
      "—",
      "Comptoir",
    ],
  });
}
