import { describe, expect, it } from "vitest";
import { formFields } from "./form-fields";

describe("formFields", () => {
  it("reads text, repeated fields, files and flags", () => {
    const form = new FormData();
    form.set("name", "Pain");
    form.append("ids", "a");
    form.append("ids", "b");
    form.set("photo", new File(["x"], "x.png"));
    form.set("unlimited", "on");
    const fields = formFields(form);
    expect(fields.text("name")).toBe("Pain");
    expect(fields.optional("missing")).toBeUndefined();
    expect(fields.all("ids")).toEqual(["a", "b"]);
    expect(fields.file("photo")?.name).toBe("x.png");
    expect(fields.text("photo")).toBe("");
    expect(fields.flag("unlimited")).toBe(true);
  });

  it("reads a malformed call (not a form) as an empty form instead of throwing", () => {
    for (const junk of [undefined, null, "text", 42, { get: "no" }, ["a"]]) {
      const fields = formFields(junk);
      expect(fields.text("shopId")).toBe("");
      expect(fields.all("ids")).toEqual([]);
      expect(fields.file("photo")).toBeNull();
    }
  });
});
