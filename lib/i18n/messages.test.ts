import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
}

/** The arguments a message takes ({name}, {count, plural, …}), quoted literals ('{z}') left out. */
const argumentsOf = (message: string) =>
  // An argument is a name in braces followed by "}" or ","; a plural branch ("one {…}", "=0 {…}") is text, not one.
  [...new Set([...message.replace(/'[{}][^']*'/g, "").matchAll(/(?<!(?:zero|one|two|few|many|other|=\d+)\s*)\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe("translations", () => {
  const french = flatten(fr as Tree);
  const english = flatten(en as Tree);

  it("have the same keys in French and English", () => {
    expect([...french.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !french.has(key))).toEqual([]);
  });

  it("take the same arguments in both languages", () => {
    const mismatches = [...french].filter(([key, text]) => english.has(key) && argumentsOf(text).join() !== argumentsOf(english.get(key) ?? "").join()).map(([key]) => key);
    expect(mismatches).toEqual([]);
  });

  it("write literal braces quoted, so they show as typed", () => {
    const t = createTranslator({ locale: "fr", messages: fr, namespace: "errors" });
    expect(t("tileUrlInvalid")).toBe("Adresse de tuiles invalide : une adresse https contenant {z}, {x} et {y}.");
  });
});
