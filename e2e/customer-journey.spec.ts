import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";

async function addFromShop(page: Page, shopSlug: string, productName: string, quantity = 1) {
  await page.goto(`/boutiques/${shopSlug}`);
  const card = page.getByTestId("product-card").filter({ has: page.getByRole("link", { name: productName, exact: true }) });
  await card.getByLabel(/Quantité/).fill(String(quantity));
  await card.getByRole("button", { name: `Ajouter au panier : ${productName}` }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
}

/** Picks a pickup point by its visible label and the first offered slot. */
async function choosePickup(page: Page, shopName: string, pointLabel: RegExp) {
  const block = page.getByRole("group", { name: shopName });
  await block.getByRole("radio", { name: pointLabel }).check();
  const select = block.getByRole("combobox", { name: "Créneau de retrait" });
  // The second slot when there is one: the first may leave the schedule while the test runs.
  const options = select.locator("option:not([disabled])");
  const slot = await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value");
  expect(slot, `${shopName} offers a slot`).toBeTruthy();
  await select.selectOption(slot ?? "");
}

test("a guest searches, fills one basket across two shops, collects at a door and a relay point, then cancels one order from the emailed link", async ({ page }) => {
  const email = uniqueEmail("invite");
  await page.goto("/");
  await page.getByRole("link", { name: /^Alimentation/ }).click();
  await expect(page.getByRole("heading", { name: "Boulangerie du Marché" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Librairie La Belle Aventure" })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Rechercher un commerce ou un produit" }).fill("pain");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page.getByRole("link", { name: "Pain de campagne au levain" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pain de campagne au levain" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel(/Quantité/).fill("2");
  await page.getByRole("button", { name: /Ajouter au panier/ }).click();
  await expect(page.getByRole("status")).toContainText("Ajouté au panier");

  await addFromShop(page, "librairie-la-belle-aventure", "Le Petit Prince");
  await expectNoAccessibilityViolations(page);
  await expect(page.getByRole("link", { name: /Panier 3 articles/ })).toBeVisible();

  await page.getByRole("link", { name: /Panier \d+ articles?/ }).click();
  await expect(page.getByTestId("cart-group")).toHaveCount(2);
  await expect(page.getByTestId("cart-total")).toHaveText(/17,30\s€/);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("link", { name: "Choisir le retrait et commander" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Retrait et commande" })).toBeVisible();
  // Before confirming: each shop's items and the whole basket's total.
  await expect(page.getByRole("list", { name: "Articles de Librairie La Belle Aventure" })).toContainText("1 × Le Petit Prince");
  await expect(page.getByTestId("checkout-total")).toContainText(/Total : 17,30\s€ pour 3 articles chez 2 commerces/);
  await choosePickup(page, "Boulangerie du Marché", /Au magasin/);
  await choosePickup(page, "Librairie La Belle Aventure", /Point relais — Hôtel de Ville/);
  await page.getByLabel("Nom et prénom").fill("Camille Invitée");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Confirmer la commande" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Merci, vos commandes sont confirmées" })).toBeVisible();
  const confirmations = page.getByTestId("confirmed-order");
  await expect(confirmations).toHaveCount(2);
  await expect(confirmations.getByTestId("pickup-code")).toHaveText([/^[2-9A-Z]{6}$/, /^[2-9A-Z]{6}$/]);
  await expect(confirmations.filter({ hasText: "Librairie" })).toContainText("Hôtel de Ville");
  await expectNoAccessibilityViolations(page);
  await expect(page.getByTestId("cart-badge")).toHaveText("0");

  const link = await latestLinkFor(page, email, /Librairie La Belle Aventure/);
  await page.goto(link);
  await expect(page.getByTestId("order-status")).toHaveText("Confirmée");
  await expect(page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByText("Annuler la commande").click();
  await page.getByRole("button", { name: "Oui, annuler cette commande" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Annulée");
  await expect(page.getByText("Annulée").first()).toBeVisible();
  await latestLinkFor(page, email, /annulée/);
});

test("bad checkout input gets a clear message and the basket is kept", async ({ page }) => {
  await addFromShop(page, "fromagerie-des-halles", "Chabichou du Poitou AOP");
  await page.goto("/commande");
  await choosePickup(page, "Fromagerie des Halles", /Au magasin/);
  await page.getByLabel("Nom et prénom").fill("C");
  await page.getByLabel("Adresse e-mail").fill("camille@example.fr");
  await page.getByLabel("Téléphone").fill("pas un numéro");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(page.getByTestId("checkout-error")).toContainText("Certaines informations sont invalides");
  await expect(page.getByText("Numéro de téléphone invalide.")).toBeVisible();
  await expect(page.getByText("Indiquez votre nom.")).toBeVisible();
  // What was typed stays there to be fixed.
  await expect(page.getByLabel("Adresse e-mail")).toHaveValue("camille@example.fr");
  await expect(page.getByLabel("Téléphone")).toHaveValue("pas un numéro");
  await page.goto("/panier");
  await expect(page.getByTestId("cart-group")).toHaveCount(1);
});

test("shop and checkout pages fit a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await addFromShop(page, "boulangerie-du-marche", "Croissant pur beurre");
  for (const path of ["/boutiques/boulangerie-du-marche", "/panier", "/commande"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
