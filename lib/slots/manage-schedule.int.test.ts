import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/load-actor";
import { NotFoundError } from "@/lib/errors";
import { fromLocal, toLocal, addDays } from "@/lib/time/zoned";
import { testDb } from "@/tests/helpers/db";
import { createShop, createTerritory } from "@/tests/helpers/fixtures";
import { listAvailableSlots } from "./available-slots";
import { addClosure, getScheduleEditor, removeClosure, saveWeeklySchedule } from "./manage-schedule";

const db = testDb();
let place: Awaited<ReturnType<typeof createTerritory>>;
let shop: Awaited<ReturnType<typeof createShop>>;
let owner: Actor;
let staff: Actor;
let stranger: Actor;
const tomorrow = addDays(toLocal(new Date()).date, 1);
const tomorrowWeekday = toLocal(fromLocal(tomorrow, 720) ?? new Date()).weekday;

async function member(shopId: string, role: "OWNER" | "STAFF"): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.fr` } });
  await db.shopMember.create({ data: { shopId, userId: user.id, role } });
  return loadActor(db, user.id);
}

const row = (overrides: Record<string, unknown> = {}) => ({ weekday: tomorrowWeekday, opens: "09:00", closes: "12:00", slotMinutes: 30, capacityPerSlot: 4, leadTimeMinutes: 60, sameDayCutoff: "", horizonDays: 14, ...overrides });

/** An order booked tomorrow at 10:00 at the shop door. */
async function bookedTomorrowAtTen(at: Awaited<ReturnType<typeof createShop>> = shop) {
  const startsAt = fromLocal(tomorrow, 600) ?? new Date();
  const checkout = await db.checkout.create({ data: { idempotencyKey: randomUUID(), accessToken: randomUUID() } });
  return db.order.create({
    data: {
      reference: `S-${randomUUID().slice(0, 8)}`, territoryId: place.territory.id, shopId: at.shop.id, checkoutId: checkout.id, contactName: "Lou", contactEmail: "lou@example.fr",
      status: "CONFIRMED", pickupPointId: at.door.id, slotStartsAt: startsAt, slotEndsAt: new Date(startsAt.getTime() + 1_800_000), pickupCode: "XYZ234",
      paymentMethod: "PAY_AT_PICKUP", subtotalCents: 100, vatCents: 0, totalCents: 100, accessToken: randomUUID(),
    },
  });
}

beforeAll(async () => {
  place = await createTerritory(db);
  shop = await createShop(db, place);
  const other = await createShop(db, place);
  owner = await member(shop.shop.id, "OWNER");
  staff = await member(shop.shop.id, "STAFF");
  stranger = await member(other.shop.id, "OWNER");
});

describe("pickup schedule editor", () => {
  it("lets the owner set weekly rules that customers then see as slots", async () => {
    await saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: { pickupPointId: shop.door.id, rules: [row()] } });
    const slots = await listAvailableSlots(db, { shopId: shop.shop.id, pickupPointId: shop.door.id, toDate: tomorrow });
    expect(slots.filter((s) => s.date === tomorrow).map((s) => s.startMinute)).toEqual([540, 570, 600, 630, 660, 690]);
    const editor = await getScheduleEditor(db, { actor: staff, shopId: shop.shop.id });
    expect(editor.canEdit).toBe(false);
    expect(editor.points[0]?.rules).toHaveLength(1);
  });

  it("refuses invalid rules with a reason per field", async () => {
    const save = (rules: unknown[]) => saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: { pickupPointId: shop.door.id, rules } });
    await expect(save([row({ opens: "12:00", closes: "09:00" })])).rejects.toThrow(/hoursOrder/);
    await expect(save([row(), row({ opens: "11:00", closes: "13:00" })])).rejects.toThrow(/periodsOverlap/);
    await expect(save([row({ opens: "9h" })])).rejects.toThrow(/timeInvalid/);
    await expect(save([row({ capacityPerSlot: 0 })])).rejects.toThrow(/capacityInvalid/);
    expect(await db.pickupScheduleRule.count({ where: { shopId: shop.shop.id } })).toBe(1);
  });

  it("warns before dropping a slot that holds an order, and applies only once acknowledged", async () => {
    const order = await bookedTomorrowAtTen();
    const afternoonOnly = { pickupPointId: shop.door.id, rules: [row({ opens: "14:00", closes: "18:00" })] };
    await expect(saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: afternoonOnly })).rejects.toMatchObject({
      details: { reason: "affectsOrders", affected: [{ id: order.id, reference: order.reference }] },
    });
    expect((await db.pickupScheduleRule.findFirstOrThrow({ where: { shopId: shop.shop.id } })).opensAtMinute).toBe(540);
    // Keeping 10:00 (even with other hours around it) affects nothing.
    await expect(saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: { pickupPointId: shop.door.id, rules: [row({ opens: "10:00", closes: "11:00" })] } })).resolves.toMatchObject({ affected: [], proposed: 0, cancelled: 0, untouched: 0 });
    const applied = await saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: { ...afternoonOnly, acknowledgeAffected: true } });
    expect(applied.affected.map((o) => o.id)).toEqual([order.id]);
    expect(applied).toMatchObject({ proposed: 0, cancelled: 0, untouched: 1 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("CONFIRMED");
  });

  it("warns about orders on closed dates, then closes and reopens", async () => {
    await saveWeeklySchedule(db, { actor: owner, shopId: shop.shop.id, input: { pickupPointId: shop.door.id, rules: [row()], acknowledgeAffected: true } });
    const closure = { startsOn: tomorrow, endsOn: tomorrow, reason: "Inventaire" };
    await expect(addClosure(db, { actor: owner, shopId: shop.shop.id, input: closure })).rejects.toMatchObject({ details: { reason: "affectsOrders" } });
    const { closureId } = await addClosure(db, { actor: owner, shopId: shop.shop.id, input: { ...closure, acknowledgeAffected: true } });
    expect((await listAvailableSlots(db, { shopId: shop.shop.id, pickupPointId: shop.door.id, toDate: tomorrow })).filter((s) => s.date === tomorrow)).toEqual([]);
    await expect(addClosure(db, { actor: owner, shopId: shop.shop.id, input: { startsOn: tomorrow, endsOn: "2020-01-01" } })).rejects.toThrow(/datesOrder/); // calendar-safe: always in the past (before tomorrow)
    await removeClosure(db, { actor: owner, shopId: shop.shop.id, closureId });
    expect((await listAvailableSlots(db, { shopId: shop.shop.id, pickupPointId: shop.door.id, toDate: tomorrow })).some((s) => s.date === tomorrow)).toBe(true);
  });

  it("is the owner's: staff are refused, other shops get not found", async () => {
    const input = { pickupPointId: shop.door.id, rules: [row()] };
    await expect(saveWeeklySchedule(db, { actor: staff, shopId: shop.shop.id, input })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addClosure(db, { actor: staff, shopId: shop.shop.id, input: { startsOn: tomorrow, endsOn: tomorrow } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveWeeklySchedule(db, { actor: stranger, shopId: shop.shop.id, input })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getScheduleEditor(db, { actor: stranger, shopId: shop.shop.id })).rejects.toBeInstanceOf(NotFoundError);
    const strangerShop = stranger.kind === "user" ? (stranger.memberships[0]?.shopId ?? "") : "";
    await expect(saveWeeklySchedule(db, { actor: stranger, shopId: strangerShop, input })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a change of hours over booked slots offers the customers the new hours' nearest slots, or cancels, as the owner chooses (issue #24, item 4)", async () => {
    const other = await createShop(db, place);
    const otherOwner = await member(other.shop.id, "OWNER");
    const save = (input: Record<string, unknown>) => saveWeeklySchedule(db, { actor: otherOwner, shopId: other.shop.id, input: { pickupPointId: other.door.id, ...input } });
    await save({ rules: [row()] });
    const [kept, offered] = [await bookedTomorrowAtTen(other), await bookedTomorrowAtTen(other)];
    const afternoon = [row({ opens: "14:00", closes: "16:00" })];
    await expect(save({ rules: afternoon, affectedAction: "bogus" })).rejects.toThrow(/affectedActionInvalid/);
    await expect(save({ rules: afternoon })).rejects.toMatchObject({ details: { reason: "affectsOrders" } });
    expect(await db.pickupScheduleRule.findFirstOrThrow({ where: { shopId: other.shop.id } })).toMatchObject({ opensAtMinute: 540 });

    await db.order.update({ where: { id: kept.id }, data: { status: "AT_RELAY_POINT" } }); // past being moved: left as it is
    const proposed = await save({ rules: afternoon, affectedAction: "propose" });
    expect(proposed).toMatchObject({ proposed: 1, cancelled: 0, untouched: 1 });
    const move = await db.slotMove.findFirstOrThrow({ where: { orderId: offered.id } });
    const starts = (move.options as { startsAt: string }[]).map((option) => toLocal(new Date(option.startsAt)));
    expect(starts.map((local) => local.minute)).toEqual([840, 870, 900]); // the new hours, nearest first
    expect(move).toMatchObject({ status: "PROPOSED", reason: "nouveaux horaires de retrait" });
    expect(await db.outgoingEmail.count({ where: { orderId: offered.id, kind: "slot-move-proposed" } })).toBe(1);

    // Dropping the afternoon too, with "cancel": the order not yet answered is cancelled (its offer closed), the other kept.
    const cancelled = await save({ rules: [row({ opens: "17:00", closes: "18:00" })], affectedAction: "cancel" });
    expect(cancelled).toMatchObject({ cancelled: 1, untouched: 1 });
    expect(await db.order.findUniqueOrThrow({ where: { id: offered.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.order.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "AT_RELAY_POINT" });
  });
});
