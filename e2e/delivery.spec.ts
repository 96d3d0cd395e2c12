import type { Browser, Locator } from "@playwright/test";
import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { addToBasket } from "./support/basket";
import { uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

const GROCER = "Les Paniers du Clain";

/** Chooses the shop's delivery and its second free delivery slot; returns the slot's local day (YYYY-MM-DD). */
async function chooseDelivery(page: Page, shopName: string): Promise<string> {
  const block = page.getByRole("group", { name: shopName });
  await block.getByRole("radio", { name: /Livraison à domicile/ }).check();
  const select = block.getByRole("combobox", { name: "Créneau de livraison" });
  const options = select.locator("option:not([disabled])");
  const slot = (await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value")) ?? "";
  expect(slot, `${shopName} offers a delivery slot`).toBeTruthy();
  await select.selectOption(slot);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(slot));
}

async function fillAddress(page: Page, commune: string, street: string, instructions = "") {
  const address = page.getByRole("group", { name: "Adresse de livraison" });
  await address.getByLabel("Commune").selectOption({ label: commune });
  await address.getByLabel("Adresse (numéro et rue)").fill(street);
  if (instructions) await address.getByLabel("Indications pour le livreur (facultatif)").fill(instructions);
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInWithPassword(page, email);
  return page;
}

async function act(page: Page, button: string, status: string, scope: Locator | Page = page) {
  await scope.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText(status);
}

test("a customer in a rural commune has one shop deliver and collects from another; the grocer prints the round and delivers against the code", async ({ browser }) => {
  test.setTimeout(120_000);
  const customer = await (await browser.newContext()).newPage();
  const email = uniqueEmail("lucienne");
  // From the town's directory: the shops that deliver to Ligugé.
  await customer.goto("/");
  await customer.getByLabel("Livre à").selectOption("Ligugé");
  await customer.getByRole("button", { name: "Filtrer" }).click();
  await expect(customer.getByTestId("shop-count")).toHaveText(/^1 commerce/);
  await expect(customer.getByTestId("shop-delivers")).toHaveText("Livre à domicile");
  await customer.getByRole("link", { name: GROCER }).click();
  await expect(customer.getByTestId("shop-delivery")).toContainText("Ligugé (4,50");
  await expectNoAccessibilityViolations(customer);
  await addToBasket(customer, "primeur-clain", "Panier de saison (4 kg)");
  await addToBasket(customer, "boulangerie-du-marche", "Brioche tressée");

  await customer.goto("/commande");
  // No address is asked until a shop's delivery is chosen.
  await expect(customer.getByRole("group", { name: "Adresse de livraison" })).toHaveCount(0);
  const day = await chooseDelivery(customer, GROCER);
  const bakery = customer.getByRole("group", { name: "Boulangerie du Marché" });
  await expect(bakery.getByRole("radio", { name: /Livraison à domicile/ })).toHaveCount(0);
  await bakery.getByRole("radio", { name: /Au magasin/ }).check();
  const doorSlots = bakery.getByRole("combobox", { name: "Créneau de retrait" }).locator("option:not([disabled])");
  await bakery.getByRole("combobox", { name: "Créneau de retrait" }).selectOption((await doorSlots.nth(1).getAttribute("value")) ?? "");
  // A commune the grocer does not deliver: said at once (and refused by the server anyway).
  await fillAddress(customer, "Buxerolles (86180)", "4 rue des Vignes");
  await expect(customer.getByRole("group", { name: GROCER }).getByTestId("delivery-warning")).toContainText("ne livre pas à Buxerolles");
  await fillAddress(customer, "Ligugé (86240)", "12 route de Saint-Benoît", "Portail vert, sonner fort");
  await expect(customer.getByRole("group", { name: GROCER }).getByTestId("delivery-fee")).toContainText("Frais de livraison : 4,50");
  await expect(customer.getByTestId("checkout-total")).toContainText(/Total : 29,00\s€/);
  await expect(customer.getByTestId("checkout-total")).toContainText(/dont livraison : 4,50\s€/);
  await customer.getByLabel("Nom et prénom").fill("Lucienne Moreau");
  await customer.getByLabel("Adresse e-mail").fill(email);
  await customer.getByLabel("Téléphone").fill("05 49 55 12 34");
  await expectNoAccessibilityViolations(customer);
  await customer.getByRole("button", { name: "Confirmer la commande" }).click();

  await expect(customer.getByRole("heading", { level: 1, name: "Merci, vos commandes sont confirmées" })).toBeVisible();
  const delivered = customer.getByTestId("confirmed-order").filter({ hasText: GROCER });
  await expect(delivered).toContainText("livraison à domicile, 12 route de Saint-Benoît, Ligugé");
  await expect(delivered).toContainText("Code à donner au livreur");
  const code = ((await delivered.getByTestId("pickup-code").textContent()) ?? "").trim();
  const orderLink = (await delivered.getByRole("link").first().getAttribute("href")) ?? "";
  const orderId = /\/commandes\/([^?]+)/.exec(orderLink)?.[1] ?? "";
  await expect(customer.getByTestId("confirmed-order").filter({ hasText: "Boulangerie du Marché" })).toContainText("12 rue du Marché Notre-Dame");

  // The grocer prepares the order, then finds it on the day's round sheet.
  const grocer = await signedIn(browser, "primeur@comptoir.local");
  await expect(grocer).toHaveURL(/\/dashboard\/[^/]+$/);
  const dashboard = new URL(grocer.url()).pathname;
  await grocer.goto(`${dashboard}/commandes/${orderId}`);
  await expect(grocer.getByTestId("shop-order-address")).toContainText("12 route de Saint-Benoît, 86240 Ligugé");
  await act(grocer, "Commencer la préparation", "En préparation");
  await act(grocer, "Marquer prête pour la tournée", "Prête pour la tournée");
  await grocer.goto(`${dashboard}/tournees?jour=${day}`);
  const round = grocer.getByTestId("delivery-round").filter({ has: grocer.getByText("12 route de Saint-Benoît") });
  const stop = round.getByTestId("round-order").filter({ hasText: "12 route de Saint-Benoît" });
  await expect(round.getByRole("heading", { level: 3, name: /Ligugé/ })).toBeVisible();
  await expect(stop).toContainText("Portail vert, sonner fort");
  await expect(stop).toContainText("05 49 55 12 34");
  await expect(stop.getByTestId("round-to-collect")).toHaveText(/À encaisser : 22,50\s€/);
  await expect(stop).not.toContainText(code);
  await expectNoAccessibilityViolations(grocer);
  // The printed sheet carries the addresses, not the buttons.
  await grocer.emulateMedia({ media: "print" });
  await expect(round.getByRole("button", { name: /Partir en tournée/ })).toBeHidden();
  await expect(stop).toBeVisible();
  await grocer.emulateMedia({ media: "screen" });

  await round.getByRole("button", { name: /Partir en tournée \(\d+ commandes? prêtes?\)/ }).click();
  await expect(round.getByRole("status").first()).toContainText("en livraison");
  await expect(stop.getByTestId("round-status")).toHaveText("En cours de livraison");
  await stop.getByLabel("Code de retrait présenté par le client").fill("ZZZ999");
  await stop.getByRole("button", { name: "Valider la livraison" }).click();
  await expect(stop.getByRole("status").first()).toContainText("incorrect");
  await stop.getByLabel("Code de retrait présenté par le client").fill(code.toLowerCase());
  await stop.getByRole("button", { name: "Valider la livraison" }).click();
  await expect(stop.getByTestId("round-status")).toHaveText("Livrée");

  // The sheet reads on the driver's phone: nothing wider than a 360 px screen.
  await grocer.setViewportSize({ width: 360, height: 740 });
  await grocer.reload();
  await expect(stop.getByTestId("round-status")).toHaveText("Livrée");
  expect(await grocer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await customer.goto(orderLink);
  await expect(customer.getByTestId("order-status")).toHaveText("Livrée");
  await expect(customer.getByTestId("delivery-fee-line")).toContainText("4,50");
});

test("the phone line finds who delivers to a caller's commune, and the operator orders delivery for the caller", async ({ browser }) => {
  const operator = await signedIn(browser, "operateur@comptoir.local");
  await operator.goto("/telephone");
  await operator.getByLabel("Commune de l'appelant").selectOption({ label: "Lavoux (86800)" });
  await operator.getByLabel("Adresse de l'appelant (facultatif)").fill("La Grange, 3 chemin des Prés");
  await operator.getByRole("form", { name: "Rechercher pour un appelant" }).getByRole("button", { name: "Rechercher" }).click();
  await expect(operator.getByText("Appelant au La Grange, 3 chemin des Prés, Lavoux")).toBeVisible();
  // The commune in the address bar, never the caller's street.
  expect(operator.url()).toMatch(/commune=/);
  expect(decodeURIComponent(operator.url())).not.toContain("Grange");
  const deliveries = operator.getByRole("region", { name: "Livraison à domicile à Lavoux" });
  await expect(deliveries).toContainText(GROCER);
  await expect(deliveries).toContainText("6,00");
  await expectNoAccessibilityViolations(operator);
  await deliveries.getByRole("link", { name: /Commander pour l'appelant/ }).first().click();
  await expect(operator.getByRole("heading", { level: 1, name: GROCER })).toBeVisible();
  const card = operator.getByTestId("product-card").filter({ has: operator.getByRole("link", { name: "Panier familial (7 kg)", exact: true }) });
  await card.getByRole("button", { name: "Ajouter au panier : Panier familial (7 kg)" }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");

  await operator.goto("/commande");
  // The checkout fits a phone with the delivery address block open too.
  await operator.setViewportSize({ width: 360, height: 740 });
  await expect(operator.getByRole("group", { name: "Commande pour un appelant" })).toBeVisible();
  await chooseDelivery(operator, GROCER);
  // The caller's commune and address come from the phone line.
  const address = operator.getByRole("group", { name: "Adresse de livraison" });
  await expect(address.getByLabel("Commune")).toHaveValue(/.+/);
  await expect(address.getByLabel("Commune").locator("option:checked")).toHaveText("Lavoux (86800)");
  await expect(address.getByLabel("Adresse (numéro et rue)")).toHaveValue("La Grange, 3 chemin des Prés");
  expect(await operator.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expect(operator.getByRole("group", { name: GROCER }).getByTestId("delivery-fee")).toContainText("6,00");
  await operator.getByLabel("Nom et prénom").fill("Marcel Dupuis");
  await operator.getByLabel("Téléphone").fill("05 49 56 00 11");
  await operator.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(operator.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();
  await expect(operator.getByTestId("confirmed-order")).toContainText("La Grange, 3 chemin des Prés, Lavoux");
});

test("the grocer changes a commune's fee; the shop page says so at once; the delivery slots are in the schedule editor", async ({ browser }) => {
  const grocer = await signedIn(browser, "primeur@comptoir.local");
  const dashboard = new URL(grocer.url()).pathname;
  await grocer.getByRole("link", { name: "Livraisons" }).click();
  await grocer.getByRole("link", { name: "Conditions et communes livrées" }).click();
  await expect(grocer.getByRole("heading", { level: 1, name: "Livraison à domicile" })).toBeVisible();
  await expect(grocer.getByLabel("Je livre à domicile")).toBeChecked();
  await expectNoAccessibilityViolations(grocer);
  await grocer.getByLabel("Frais pour Saint-Benoît").fill("1,50");
  await grocer.getByLabel("Frais pour Saint-Benoît").press("Enter");
  await expect(grocer.getByRole("status").filter({ hasText: "Livraison enregistrée." })).toBeVisible();
  // A fee that is not an amount is refused with the reason, and nothing changes.
  await grocer.getByLabel("Frais pour Lavoux").fill("six euros");
  await grocer.getByRole("button", { name: "Enregistrer" }).click();
  await expect(grocer.getByRole("status").filter({ hasText: /prix|montant/i })).toBeVisible();
  await grocer.getByLabel("Frais pour Lavoux").fill("150");
  await grocer.getByRole("button", { name: "Enregistrer" }).click();
  await expect(grocer.getByRole("status").filter({ hasText: "Frais de livraison trop élevés" })).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/boutiques/primeur-clain");
  await expect(visitor.getByTestId("shop-delivery")).toContainText("Saint-Benoît (1,50");
  await expect(visitor.getByTestId("shop-delivery")).toContainText("Lavoux (6,00");

  await grocer.goto(`${dashboard}/retraits`);
  await expect(grocer.getByRole("heading", { level: 2, name: "Livraison à domicile" })).toBeVisible();
});
