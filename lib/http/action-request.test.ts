import { describe, expect, it } from "vitest";
import { isWellFormedActionRequest, isWellFormedArguments } from "./action-request";

const post = (body: BodyInit, type?: string) => new Request("http://localhost/x", { method: "POST", body, headers: type ? { "content-type": type } : {} });

describe("server action request shape", () => {
  it("accepts what React sends", async () => {
    expect(isWellFormedArguments('[{"ok":false,"error":""},"$K1"]')).toBe(true);
    expect(isWellFormedArguments('["shop","point",[{"weekday":"1"}],true]')).toBe(true);
    expect(isWellFormedArguments('["$$escaped text","$undefined"]')).toBe(true);
    // A form's previous state carrying dates (the orders a closure hits) is sent back with the next submit.
    expect(isWellFormedArguments('[{"ok":false,"error":"affectsOrders","details":{"affected":[{"slotStartsAt":"$D2027-03-28T08:30:00.000Z"}]}},"$K1"]')).toBe(true);
    const form = new FormData();
    form.append("_1_name", "Pain");
    form.append("0", '[{},"$K1"]');
    expect(await isWellFormedActionRequest(post(form))).toBe(true);
  });

  it("refuses bodies Next.js cannot decode", async () => {
    for (const body of ["garbage{", "", "{}", '"x"', '[{},"$B1"]', '[{},"$Dnot-a-date"]', '[{},"$@1"]', '[{},"$Q1"]', '[{"$$typeof":1}]', `${"[".repeat(40)}${"]".repeat(40)}`, `[${"1,".repeat(50)}1]`]) {
      expect(isWellFormedArguments(body), body).toBe(false);
      expect(await isWellFormedActionRequest(post(body, "text/plain;charset=UTF-8")), body).toBe(false);
    }
    expect(await isWellFormedActionRequest(post("--x\r\nbroken", "multipart/form-data; boundary=nope"))).toBe(false);
  });

  it("attack: a 1 MB argument of nested arrays is refused before React's decoder throws on it", async () => {
    const nested = `["shop",[${Array.from({ length: 60_000 }, () => "[0,[1,2]]").join(",")}]]`;
    expect(nested.length).toBeGreaterThan(500_000);
    expect(isWellFormedArguments(nested)).toBe(false);
    expect(isWellFormedArguments(`["${"x".repeat(1_100_000)}"]`)).toBe(false);
    const form = new FormData();
    form.append("0", nested);
    expect(await isWellFormedActionRequest(post(form))).toBe(false);
    // What the schedule editor really sends passes.
    expect(isWellFormedArguments(JSON.stringify(["shop", Array.from({ length: 70 }, (_, i) => ({ weekday: String(i % 7), opens: "09:00" }))]))).toBe(true);
  });
});
