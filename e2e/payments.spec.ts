import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { addToBasket, chooseDoorPickupPaidOnline } from "./support/basket";
import { uniqueEmail, waitForEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

// The demo start runs the Stripe double: its hosted payment page stands in for Stripe Checkout.

async function fillContact(page: Page, name: string, email: string) {
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("0612345678");
}

async function advanceClock(page: Page, minutes: number) {
  const response = await page.request.post("/api/test/clock", { data: { minutes }, headers: { origin: new URL(page.url()).origin } });
  expect(response.ok(), await response.text()).toBe(true);
}

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto("/");
  await page.request.post("/api/test/clock", { data: { reset: true }, headers: { origin: new URL(page.url()).origin } });
  await page.close();
});

test("a guest pays online for two shops at once; the cheese sold by weight is weighed, only the weighed amount is kept, and the order is collected", async ({ page, browser }) => {
  const email = uniqueEmail("carte");
  const name = `Alex Carte ${Date.now()}`;
  await addToBasket(page, "fromagerie-des-halles", "Comté 18 mois");
  await addToBasket(page, "boulangerie-du-marche", "Fougasse aux olives");
  await page.goto("/panier");
  await expect(page.getByText(/pesé par le commerce/)).toBeVisible();
  await page.getByRole("link", { name: "Choisir le retrait et commander" }).click();
  await chooseDoorPickupPaidOnline(page, "Fromagerie des Halles");
  await chooseDoorPickupPaidOnline(page, "Boulangerie du Marché");
  await expect(page.getByText(/au plus .* réservés \(articles au poids\)/)).toBeVisible();
  await fillContact(page, name, email);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Confirmer la commande" }).click();

  // One card payment for both shops, on the provider's page.
  const pay = page.getByRole("button", { name: /^Payer / });
  await expect(pay).toBeVisible();
  await pay.click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, vos commandes sont confirmées" })).toBeVisible();
  const orders = page.getByTestId("confirmed-order");
  await expect(orders).toHaveCount(2);
  await expect(orders.getByTestId("order-status")).toHaveText(["Confirmée", "Confirmée"]);
  await expect(orders.filter({ hasText: "Fromagerie" })).toContainText("payé en ligne");
  await expectNoAccessibilityViolations(page);
  const cheese = orders.filter({ hasText: "Fromagerie" });
  const code = (await cheese.getByTestId("pickup-code").textContent()) ?? "";
  await waitForEmail(page, email, /confirmée/);

  // The cheesemonger weighs the piece before marking the order ready.
  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "fromagerie@comptoir.local");
  await shop.goto("/dashboard");
  await shop.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Confirmée");
  await shop.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("En préparation");
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByText("Pesez d’abord les articles vendus au poids.")).toBeVisible();
  await shop.getByLabel("Poids de Comté 18 mois").fill("240");
  await shop.getByRole("button", { name: "Enregistrer les poids" }).click();
  await expect(shop.getByText("Poids enregistrés.")).toBeVisible();
  await expectNoAccessibilityViolations(shop);
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  // 240 g at 31,60 € the kg: 7,58 €, the amount taken from the card.
  const finalAmount = await waitForEmail(page, email, /montant final 7,58/);
  expect(finalAmount).toContain("réservés");

  // The card is charged once every shop of the payment has prepared its order.
  const baker = await (await browser.newContext()).newPage();
  await signInWithPassword(baker, "boulangerie@comptoir.local");
  await baker.goto("/dashboard");
  await baker.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
  await baker.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(baker.getByTestId("shop-order-status")).toHaveText("En préparation");
  await baker.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(baker.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  await baker.context().close();
  await expect(async () => {
    await shop.reload();
    await expect(shop.getByTestId("payment-ledger")).toContainText(/Prélèvement.*7,58/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  const collect = shop.getByTestId("action-markCollected");
  await collect.getByLabel("Code de retrait présenté par le client").fill(code);
  await collect.getByRole("button", { name: "Valider le retrait" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Retirée");
  await shop.context().close();
});

/** The stock of a product as its shop's catalog shows it. */
async function shopStock(shop: Page, productName: string): Promise<string> {
  await shop.goto("/dashboard");
  await shop.getByRole("link", { name: "Produits" }).first().click();
  return shop.getByTestId("product-row").filter({ hasText: productName }).getByLabel(`Stock de ${productName}`).inputValue();
}

test("a customer who abandons the payment page can come back to pay; without payment the hold ends, the stock comes back, nothing is charged", async ({ page, browser }) => {
  const email = uniqueEmail("abandon");
  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "librairie@comptoir.local");
  const stockBefore = Number(await shopStock(shop, "Le Petit Prince"));
  await addToBasket(page, "librairie-la-belle-aventure", "Le Petit Prince");
  await page.goto("/commande");
  await chooseDoorPickupPaidOnline(page, "Librairie La Belle Aventure");
  await fillContact(page, "Sam Hésitant", email);
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await page.getByRole("button", { name: "Abandonner et revenir" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Il reste à payer votre commande" })).toBeVisible();
  const awaiting = page.getByTestId("awaiting-payment");
  await expect(awaiting).toContainText("Le paiement n’a pas été terminé : rien n’a été débité.");
  await expect(page.getByTestId("order-status")).toHaveText("En attente de paiement");
  await expectNoAccessibilityViolations(page);

  // Resuming opens the payment page again; the customer walks away once more.
  await awaiting.getByRole("button", { name: "Payer maintenant" }).click();
  await page.getByRole("button", { name: "Abandonner et revenir" }).click();
  await expect(awaiting).toBeVisible();
  const confirmation = page.url();
  // The book is held for this customer meanwhile.
  expect(Number(await shopStock(shop, "Le Petit Prince"))).toBe(stockBefore - 1);

  await advanceClock(page, 40);
  await expect(async () => {
    await page.goto(confirmation);
    await expect(page.getByTestId("order-status")).toHaveText("Annulée", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Votre commande n’a pas été payée" })).toBeVisible();
  await expect(page.getByText("le paiement n’a pas abouti à temps, rien n’a été débité")).toBeVisible();
  expect(Number(await shopStock(shop, "Le Petit Prince"))).toBe(stockBefore);
  await shop.context().close();
});
