import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "@/lib/admin/audit";
import { anonymous, type Actor } from "@/lib/auth/actor";
import { DomainError, UnauthenticatedError } from "@/lib/errors";
import { HOLDS_STOCK } from "@/lib/orders/status";
import { eraseOrderContacts } from "./erase-orders";
import { ownOrders } from "./scope";

export const deleteAccountInput = z.object({ confirmEmail: z.string().trim().min(1, "required").max(320) });

/**
 * Deletes a customer's account (RGPD, right to erasure): the account, its sessions,
 * baskets and the emails sent to it go; its orders stay for the shops' accounting
 * with "Client supprimé" instead of who ordered. Refused while an order is still
 * open (the shop is preparing it) and for staff, whose account a shop or a town
 * needs — they are removed from the team first.
 */
export async function deleteCustomerAccount(db: PrismaClient, input: { actor: Actor; input: unknown; now: Date }): Promise<{ erasedOrders: number }> {
  const { actor, now } = input;
  if (actor.kind !== "user") throw new UnauthenticatedError();
  const { confirmEmail } = deleteAccountInput.parse(input.input);
  return db.$transaction(async (tx) => {
    // The account's row is locked first: a checkout placing an order for it (its insert takes a key-share lock on
    // the row) either commits before, and its open order refuses the deletion, or waits and finds no account.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId} FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true, emailVerified: true, _count: { select: { roles: true, memberships: true } } } });
    if (!user) throw new UnauthenticatedError();
    if (confirmEmail.toLowerCase() !== user.email.toLowerCase()) throw new DomainError("invalidInput", "confirmation does not match", { reason: "deleteConfirmMismatch" });
    if (user._count.roles > 0 || user._count.memberships > 0) throw new DomainError("conflict", "staff account", { reason: "deleteStaffAccount" });
    const orders = await tx.order.findMany({ where: ownOrders(user), select: { id: true, reference: true, status: true } });
    // Open: the order still holds stock and a place, the shop may still need to reach its customer.
    const open = orders.filter((order) => HOLDS_STOCK.includes(order.status));
    if (open.length > 0) throw new DomainError("conflict", "orders still open", { reason: "deleteOpenOrders", references: open.map((order) => order.reference).join(", ") });

    const erasedOrders = await eraseOrderContacts(tx, orders.map((order) => order.id), "deletedAccount", now);
    await tx.order.updateMany({ where: { placedById: user.id }, data: { placedById: null } });
    await tx.checkout.updateMany({ where: { userId: user.id }, data: { userId: null, ownerKey: "erased" } });
    await tx.orderEvent.updateMany({ where: { actorUserId: user.id }, data: { actorUserId: null } });
    await tx.auditLog.updateMany({ where: { actorUserId: user.id }, data: { actorUserId: null } });
    await tx.outgoingEmail.deleteMany({ where: { toAddress: { equals: user.email, mode: "insensitive" } } });
    await tx.verificationToken.deleteMany({ where: { identifier: { equals: user.email, mode: "insensitive" } } });
    await tx.voucher.updateMany({ where: { recipientEmail: { equals: user.email, mode: "insensitive" } }, data: { recipientEmail: null } });
    // Sessions, roles, baskets go with the account (cascades).
    await tx.user.delete({ where: { id: user.id } });
    await audit(tx, { actor: anonymous, territoryId: null, action: "account.deleted", entityType: "User", entityId: user.id, after: { erasedOrders } });
    return { erasedOrders };
  });
}
