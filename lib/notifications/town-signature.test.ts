import { describe, expect, it } from "vitest";
import { signWithTown } from "./town-signature";

const niort = { name: "Niort Agglo", contactEmail: "commerces@niort.fr", contactPhone: "05 49 78 79 80", contactAddress: "Place Martin Bastard, 79000 Niort" };

describe("an email signed by its town", () => {
  it("replaces Comptoir's bare closing with the town's name and contact", () => {
    const signed = signWithTown(["Bonjour,", "", "Votre commande est prête.", "", "—", "Comptoir"].join("\n"), niort);
    expect(signed).toBe(["Bonjour,", "", "Votre commande est prête.", "", "—", "Comptoir — Niort Agglo", "Place Martin Bastard, 79000 Niort", "05 49 78 79 80 · commerces@niort.fr"].join("\n"));
  });

  it("adds the signature after a text without the usual closing, and leaves out what the town did not fill", () => {
    expect(signWithTown("Votre lien : https://x\n", { name: "Saintes", contactEmail: null, contactPhone: null, contactAddress: null })).toBe("Votre lien : https://x\n\n—\nComptoir — Saintes");
    expect(signWithTown("A\n—\nComptoir", { ...niort, contactAddress: null, contactPhone: null })).toBe("A\n—\nComptoir — Niort Agglo\ncommerces@niort.fr");
  });
});
