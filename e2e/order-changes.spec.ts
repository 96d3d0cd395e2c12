import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { addToBasket, chooseDoorPickupPaidOnline } from "./support/basket";
import { latestLinkFor, uniqueEmail, waitForEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

// Issue #24: an order changes after it is placed, and the money follows.

test("the cheesemonger marks a line missing: the customer is emailed the new total and sees it on the order, and only that is taken from the card", async ({ page, browser }) => {
  const email = uniqueEmail("manquant");
  const name = `Dominique Manque ${Date.now()}`;
  await addToBasket(page, "fromagerie-des-halles", "Comté 18 mois");
  await addToBasket(page, "fromagerie-des-halles", "Chabichou du Poitou AOP");
  await page.goto("/commande");
  await chooseDoorPickupPaidOnline(page, "Fromagerie des Halles");
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await page.getByRole("button", { name: /^Payer / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();

  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "fromagerie@comptoir.local");
  await shop.goto("/dashboard");
  const card = shop.getByRole("listitem").filter({ hasText: name });
  await card.getByRole("link").first().click();
  await shop.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("En préparation");

  // The Comté is not ready to cut: missing, with the reason the customer reads.
  const comte = shop.getByTestId("short-line-Comté 18 mois");
  await comte.getByText("Manquant ou incomplet ?").click();
  await expect(comte.getByLabel("Combien de « Comté 18 mois » remettez-vous ?")).toHaveValue("0");
  await comte.getByLabel("Raison (lue par le client)").fill("Meule pas encore à point");
  await expectNoAccessibilityViolations(shop);
  await comte.getByRole("button", { name: "Enregistrer et prévenir le client" }).click();
  // The line now reads missing (the form goes: nothing is left on it to change).
  await expect(shop.getByTestId("line-change")).toContainText("manquant — Meule pas encore à point");
  await expect(shop.getByTestId("shop-order-total")).toHaveText(/5,20/);
  // Nothing left to weigh: the order can be made ready at once.
  await expect(shop.getByRole("heading", { name: "Pesée" })).toHaveCount(0);
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Prête à retirer");

  const mail = await waitForEmail(page, email, /modifiée : nouveau total 5,20/);
  expect(mail).toContain("Comté 18 mois : manquant (Meule pas encore à point), non facturé");
  expect(mail).toMatch(/Seuls 5,20\s€ seront débités de votre carte/);
  await page.goto(await latestLinkFor(page, email, /modifiée/));
  await expect(page.getByTestId("line-change")).toContainText("manquant — Meule pas encore à point");
  await expectNoAccessibilityViolations(page);

  // The card is charged the new total, not the authorized maximum.
  await expect(async () => {
    await shop.reload();
    await expect(shop.getByTestId("payment-ledger")).toContainText(/Prélèvement.*5,20/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await shop.context().close();
});

test("a customer reschedules from the emailed link; the shop's board shows the new slot as changed", async ({ page, browser }) => {
  const email = uniqueEmail("creneau");
  const name = `Camille Déplace ${Date.now()}`;
  await addToBasket(page, "boulangerie-du-marche", "Fougasse aux olives");
  await page.goto("/commande");
  const block = page.getByRole("group", { name: "Boulangerie du Marché" });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const slot = block.getByRole("combobox", { name: "Créneau de retrait" });
  await slot.selectOption((await slot.locator("option:not([disabled])").nth(1).getAttribute("value")) ?? "");
  const atPickup = block.getByRole("radio", { name: /Paiement au retrait/ });
  if (await atPickup.count()) await atPickup.check();
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();

  await page.goto(await latestLinkFor(page, email, /confirmée/));
  const reschedule = page.getByTestId("reschedule");
  await expect(reschedule).toContainText("encore 2 changements");
  const choice = reschedule.getByLabel("Nouveau créneau");
  const target = choice.locator("option:not([disabled])").nth(3);
  const label = (await target.textContent()) ?? "";
  await choice.selectOption((await target.getAttribute("value")) ?? "");
  await expectNoAccessibilityViolations(page);
  await reschedule.getByRole("button", { name: "Changer de créneau" }).click();
  await expect(reschedule.getByRole("status")).toContainText("Créneau changé");
  await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  const mail = await waitForEmail(page, email, /Nouveau créneau pour votre commande/);
  expect(mail).toContain("a changé de créneau");

  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "boulangerie@comptoir.local");
  await shop.goto("/dashboard");
  const card = shop.getByRole("listitem").filter({ hasText: name });
  await expect(card.getByTestId("board-rescheduled")).toHaveText("créneau changé");
  await shop.context().close();
});
