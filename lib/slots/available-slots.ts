import type { PrismaClient } from "@/generated/prisma/client";
import { toLocal, type LocalDate } from "@/lib/time/zoned";
import { generateSlots, type Closure, type Slot } from "./generate-slots";

export type AvailableSlot = Slot & { remaining: number };

const asLocalDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);

/** The schedule of a shop at one pickup point: its weekly rules and the closures that apply. */
export async function loadSchedule(db: PrismaClient, shopId: string, pickupPointId: string) {
  const [rules, closures] = await Promise.all([
    db.pickupScheduleRule.findMany({ where: { shopId, pickupPointId } }),
    db.pickupClosure.findMany({
      where: {
        endsOn: { gte: new Date(`${toLocal(new Date()).date}T00:00:00Z`) },
        OR: [{ shopId, pickupPointId: null }, { shopId: null, pickupPointId }, { shopId, pickupPointId }],
      },
    }),
  ]);
  return {
    rules,
    closures: closures.map<Closure>((c) => ({
      startsOn: asLocalDate(c.startsOn),
      endsOn: asLocalDate(c.endsOn),
      kind: c.kind,
      opensAtMinute: c.opensAtMinute,
      closesAtMinute: c.closesAtMinute,
    })),
  };
}

/**
 * Slots a customer can book now for a shop at a pickup point: the slot engine's
 * output minus what is already booked, at the shop's slot and (for a relay point)
 * at the relay point's own capacity.
 */
export async function listAvailableSlots(
  db: PrismaClient,
  query: { shopId: string; pickupPointId: string; now?: Date; fromDate?: LocalDate; toDate?: LocalDate; includeFull?: boolean },
): Promise<AvailableSlot[]> {
  const now = query.now ?? new Date();
  const [schedule, point] = await Promise.all([
    loadSchedule(db, query.shopId, query.pickupPointId),
    db.pickupPoint.findUnique({ where: { id: query.pickupPointId }, select: { capacityPerSlot: true, kind: true } }),
  ]);
  if (!point) return [];
  const slots = generateSlots({ rules: schedule.rules, closures: schedule.closures, now, fromDate: query.fromDate, toDate: query.toDate });
  if (slots.length === 0) return [];
  const range = { gte: slots[0]?.startsAt, lte: slots.at(-1)?.startsAt };
  const [counters, relayCounters] = await Promise.all([
    db.slotCounter.findMany({ where: { shopId: query.shopId, pickupPointId: query.pickupPointId, startsAt: range }, select: { startsAt: true, booked: true } }),
    point.kind === "RELAY_POINT" && point.capacityPerSlot !== null
      ? db.relayPointSlotCounter.findMany({ where: { pickupPointId: query.pickupPointId, startsAt: range }, select: { startsAt: true, booked: true } })
      : Promise.resolve([]),
  ]);
  // Capacity comes from today's rules; counters only say how many places are taken.
  const booked = new Map(counters.map((c) => [c.startsAt.getTime(), c.booked]));
  const relayBooked = new Map(relayCounters.map((c) => [c.startsAt.getTime(), c.booked]));
  const available = slots.map((slot) => {
    const shopRemaining = slot.capacity - (booked.get(slot.startsAt.getTime()) ?? 0);
    const relayRemaining = point.capacityPerSlot === null ? Infinity : point.capacityPerSlot - (relayBooked.get(slot.startsAt.getTime()) ?? 0);
    return { ...slot, remaining: Math.max(0, Math.min(shopRemaining, relayRemaining)) };
  });
  return query.includeFull ? available : available.filter((slot) => slot.remaining > 0);
}
