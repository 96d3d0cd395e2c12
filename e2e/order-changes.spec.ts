import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { addToBasket, orderAtOneShopPaidOnline } from "./support/basket";
import { latestLinkFor, uniqueEmail, waitForEmail } from "./support/mailbox";
import { markReadyAndSeeCapture, signInWithPassword, startPreparingAsShop } from "./support/session";

// Issue #24: an order changes after it is placed, and the money follows.

/** The shop's block paid at pickup (when it offers a choice), the contact filled, the order confirmed. */
async function payAtPickupAndConfirm(page: Page, block: Locator, contact: { name: string; email: string }) {
  const atPickup = block.getByRole("radio", { name: /Paiement au retrait/ });
  if (await atPickup.count()) await atPickup.check();
  await page.getByLabel("Nom et prénom").fill(contact.name);
  await page.getByLabel("Adresse e-mail").fill(contact.email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();
}

test("the cheesemonger marks a line missing and proposes a substitute for another; the customer accepts from the email, and only the new total is taken from the card", async ({ page, browser }) => {
  const email = uniqueEmail("manquant");
  const name = `Dominique Manque ${Date.now()}`;
  await orderAtOneShopPaidOnline(page, { slug: "fromagerie-des-halles", name: "Fromagerie des Halles" }, ["Comté 18 mois", "Chabichou du Poitou AOP", "Camembert de Normandie AOP"], { name, email });
  const shop = await startPreparingAsShop(browser, "fromagerie@comptoir.local", name);

  // The Comté is not ready to cut: missing, with the reason the customer reads.
  const comte = shop.getByTestId("short-line-Comté 18 mois");
  await comte.getByText("Manquant ou incomplet ?").click();
  await expect(comte.getByLabel("Combien de « Comté 18 mois » remettez-vous ?")).toHaveValue("0");
  await comte.getByLabel("Raison (lue par le client)").fill("Meule pas encore à point");
  await expectNoAccessibilityViolations(shop);
  await comte.getByRole("button", { name: "Enregistrer et prévenir le client" }).click();
  // The line now reads missing (the form goes: nothing is left on it to change).
  await expect(shop.getByTestId("line-change")).toContainText("manquant — Meule pas encore à point");
  await expect(shop.getByTestId("shop-order-total")).toHaveText(/9,70/);
  // Nothing left to weigh.
  await expect(shop.getByRole("heading", { name: "Pesée" })).toHaveCount(0);

  // The last Chabichou went to the counter: the cheesemonger proposes the ash-coated log instead (4,80 € for 5,20 €).
  const chabichou = shop.getByTestId("substitute-Chabichou du Poitou AOP");
  await chabichou.getByText("Proposer un remplacement").click();
  const product = chabichou.getByLabel("À la place de Chabichou du Poitou AOP");
  await product.selectOption((await product.locator("option", { hasText: "Bûche de chèvre cendrée" }).getAttribute("value")) ?? "");
  await chabichou.getByLabel("Raison (lue par le client)").fill("Le dernier est parti au comptoir");
  await expectNoAccessibilityViolations(shop);
  await chabichou.getByRole("button", { name: "Proposer au client" }).click();
  await expect(shop.getByTestId("substitute-pending")).toContainText("1 × Bûche de chèvre cendrée");
  // Ready waits for the customer's answer.
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByText(/attend la réponse du client/)).toBeVisible();

  const mail = await waitForEmail(page, email, /modifiée : nouveau total 9,70/);
  expect(mail).toContain("Comté 18 mois : manquant (Meule pas encore à point), non facturé");
  // The proposal's own link: opening it changes nothing, the buttons do.
  await page.goto(await latestLinkFor(page, email, /un remplacement vous est proposé/));
  const proposal = page.getByTestId("substitute-proposal");
  await expect(proposal).toContainText("Le dernier est parti au comptoir");
  await expect(proposal.getByTestId("substitute-price")).toHaveText(/4,80/);
  await expectNoAccessibilityViolations(page);
  await proposal.getByRole("button", { name: "Accepter le remplacement" }).click();
  await expect(page.getByTestId("substitute-outcome")).toHaveText("Vous avez accepté ce remplacement.");
  await waitForEmail(page, email, /Chabichou du Poitou AOP remplacé par Bûche de chèvre cendrée — nouveau total 9,30/);
  await page.goto(await latestLinkFor(page, email, /remplacé par/));
  await expect(page.getByTestId("line-change")).toContainText("manquant — Meule pas encore à point");
  await expect(page.getByText("1 × Bûche de chèvre cendrée")).toBeVisible();

  await shop.reload();
  // The card is charged the new total, not the authorized maximum.
  await markReadyAndSeeCapture(shop, "9,30");
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
  await payAtPickupAndConfirm(page, block, { name, email });

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

test("a closure over a booked slot: the owner chooses to offer other slots, the customer picks one from the email, the order moves", async ({ page, browser }) => {
  const email = uniqueEmail("fermeture");
  const name = `Alex Fermeture ${Date.now()}`;
  await addToBasket(page, "boulangerie-du-marche", "Fougasse aux olives");
  await page.goto("/commande");
  const block = page.getByRole("group", { name: "Boulangerie du Marché" });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  // The last slot offered: its day is closed below, far from the slots other journeys book.
  const slot = block.getByRole("combobox", { name: "Créneau de retrait" });
  const last = (await slot.locator("option:not([disabled])").last().getAttribute("value")) ?? "";
  await slot.selectOption(last);
  await payAtPickupAndConfirm(page, block, { name, email });
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(last));

  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "boulangerie@comptoir.local");
  await shop.goto("/dashboard");
  await shop.getByRole("link", { name: "Retraits" }).first().click();
  const closures = shop.getByRole("region", { name: "Fermetures exceptionnelles" });
  await closures.getByLabel("Du").fill(day);
  await closures.getByLabel("Au").fill(day);
  await closures.getByLabel("Motif (facultatif)").fill("Obsèques");
  await closures.getByRole("button", { name: "Ajouter la fermeture" }).click();
  // Never saved silently: the booked orders are listed, and the owner says what becomes of them.
  await expect(closures.getByText(name)).toBeVisible();
  await expect(closures.getByRole("radio", { name: /Proposer à chaque client/ })).toBeChecked();
  await expectNoAccessibilityViolations(shop);
  await closures.getByRole("button", { name: "Enregistrer quand même" }).click();
  await expect(closures.getByRole("status")).toContainText(/client(s)? invité(s)? à choisir un autre créneau/);

  await page.goto(await latestLinkFor(page, email, /votre créneau est fermé/));
  const move = page.getByTestId("slot-move");
  await expect(move).toContainText("Obsèques");
  const second = move.getByRole("radio").nth(1);
  const chosen = ((await second.locator("xpath=..").textContent()) ?? "").trim();
  await second.check();
  await expectNoAccessibilityViolations(page);
  await move.getByRole("button", { name: "Confirmer mon choix" }).click();
  await expect(page.getByTestId("slot-move-outcome")).toContainText("a changé de créneau");
  await waitForEmail(page, email, /Nouveau créneau pour votre commande/);
  await page.goto(await latestLinkFor(page, email, /Nouveau créneau/));
  await expect(page.getByText(chosen, { exact: true }).first()).toBeVisible();

  // The day opens again for the journeys that follow.
  await shop.reload();
  await shop.getByRole("button", { name: new RegExp(`Supprimer la fermeture du ${day}`) }).click();
  await expect(shop.getByRole("button", { name: new RegExp(`Supprimer la fermeture du ${day}`) })).toHaveCount(0);
  await shop.context().close();
});
