import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { signInWithPassword } from "./support/session";

function csv(rows: number, bad: Set<number>) {
  const lines = ["sku;nom;prix;tva;unite;stock;rayon;description;disponible"];
  for (let i = 1; i <= rows; i++) {
    lines.push(bad.has(i) ? `IMP-${i};Produit importé ${i};prix?;5,5;pièce;3;Import;;oui` : `IMP-${i};Produit importé ${i};${(i % 20) + 1},90;5,5;pièce;${i % 9};Import;;oui`);
  }
  return Buffer.from(lines.join("\n"), "utf8");
}

test("a shopkeeper imports 500 rows: the 3 bad rows are reported, nothing is written until the file is fixed", async ({ page }) => {
  await signInWithPassword(page, "librairie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Importer ou exporter le catalogue" })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Fichier CSV").setInputFiles({ name: "catalogue.csv", mimeType: "text/csv", buffer: csv(500, new Set([12, 250, 499])) });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("3 erreurs");
  for (const line of ["13", "251", "500"]) await expect(report.getByRole("row").filter({ has: page.getByRole("cell", { name: line, exact: true }) })).toContainText("prix invalide");
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Fichier CSV").setInputFiles({ name: "catalogue.csv", mimeType: "text/csv", buffer: csv(500, new Set()) });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByTestId("import-status")).toContainText("500 lignes prêtes");
  await page.getByRole("button", { name: "Importer 500 lignes" }).click();
  await expect(page.getByTestId("import-status")).toContainText("Import terminé : 500 créé(s), 0 mis à jour.");

  await page.getByRole("link", { name: "Produits" }).click();
  await page.getByLabel("Rechercher (nom ou référence)").fill("IMP-250");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("product-row")).toHaveCount(1);
  await expect(page.getByTestId("product-row")).toContainText("Produit importé 250");
});
