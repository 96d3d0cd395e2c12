import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { signInWithPassword } from "./support/session";

// A 2×2 PNG, the smallest real image.
const PNG_2X2 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==";

test("a shopkeeper adds a product (after fixing a bad price), restocks it, takes it off sale and archives it", async ({ page }) => {
  await signInWithPassword(page, "fromagerie@comptoir.local");
  await page.getByRole("link", { name: "Mon commerce" }).click();
  await page.getByRole("navigation", { name: /Espace commerçant/ }).getByRole("link", { name: "Produits" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Catalogue — Fromagerie des Halles/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole("link", { name: "Nouveau produit" }).click();
  await expect(page.getByLabel("Nom", { exact: true })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Nom", { exact: true }).fill("Tomme de brebis");
  await page.getByLabel("Rayon (dans votre boutique)").fill("Brebis");
  await page.getByLabel(/Prix TTC/).fill("7,9,0");
  await page.getByLabel("Stock", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Prix invalide : écrivez par exemple 12,50.")).toBeVisible();
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Tomme de brebis");
  await page.getByLabel(/Prix TTC/).fill("7,90");
  await page.getByRole("button", { name: "Enregistrer" }).click();

  const row = page.getByTestId("product-row").filter({ hasText: "Tomme de brebis" });
  await expect(row).toContainText("7,90");
  await row.getByLabel("Stock de Tomme de brebis").fill("2");
  await row.getByRole("button", { name: /Enregistrer Tomme de brebis/ }).click();
  await expect(row.getByText("Stock bas")).toBeVisible();

  // A photo taken with the phone, resized on the server, shows in the shop.
  await row.getByRole("link", { name: "Modifier Tomme de brebis" }).click();
  await page.getByLabel(/Ajouter une photo/).setInputFiles({ name: "tomme.png", mimeType: "image/png", buffer: Buffer.from(PNG_2X2, "base64") });
  await page.getByRole("button", { name: "Envoyer la photo" }).click();
  await expect(page.getByText("Photo ajoutée.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Photo 1 de Tomme de brebis" })).toBeVisible();
  await page.getByLabel(/Ajouter une photo/).setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("pas une image") });
  await page.getByRole("button", { name: "Envoyer la photo" }).click();
  await expect(page.getByText("Ce fichier n'est pas une image.")).toBeVisible();

  await page.goto("/boutiques/fromagerie-des-halles");
  await expect(page.getByRole("link", { name: "Tomme de brebis", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Tomme de brebis", exact: true }).click();
  await expect(page.getByRole("img", { name: "Tomme de brebis" })).toBeVisible();
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Produits" }).click();

  await page.getByRole("checkbox", { name: "Sélectionner Tomme de brebis" }).check();
  await page.getByRole("button", { name: "Indisponible" }).click();
  await expect(page.getByText("1 produit mis à jour")).toBeVisible();
  await page.goto("/boutiques/fromagerie-des-halles");
  await expect(page.getByRole("link", { name: "Tomme de brebis", exact: true })).toHaveCount(0);

  await page.goBack();
  await page.getByRole("link", { name: "Modifier Tomme de brebis" }).click();
  await expect(page.getByRole("button", { name: "Archiver ce produit" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Archiver ce produit" }).click();
  await expect(page.getByTestId("product-row").filter({ hasText: "Tomme de brebis" })).toHaveCount(0);
});

test("the catalog fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInWithPassword(page, "boulangerie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Produits" }).click();
  await expect(page.getByTestId("product-list")).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      // The dashboard's tab bar scrolls sideways on purpose: its tabs may extend past the screen inside it.
      .filter((el) => !el.parentElement?.closest("ul.overflow-x-auto"))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
