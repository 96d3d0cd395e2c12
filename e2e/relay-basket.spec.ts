import type { Browser } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

/** The shop's staff drop the order at the relay point from its page in their dashboard. */
async function shopDrops(browser: Browser, account: string, orderId: string) {
  const page = await (await browser.newContext()).newPage();
  await signInWithPassword(page, account);
  await page.getByRole("link", { name: "Mon commerce" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/commandes/${orderId}`);
  await page.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText("En préparation");
  await page.getByRole("button", { name: "Marquer déposée au point relais" }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText("Déposée au point relais");
  await page.context().close();
}

test("one code at the relay point for a basket from two shops: the desk hands over what has arrived, then the rest", async ({ browser }) => {
  test.setTimeout(120_000);
  const name = `Basile Panier ${Date.now() % 100000}`;
  const customer = await (await browser.newContext()).newPage();
  for (const [shop, product] of [["boulangerie-du-marche", "Fougasse aux olives"], ["librairie-la-belle-aventure", "Le Petit Prince"]] as const) {
    await customer.goto(`/boutiques/${shop}`);
    const card = customer.getByTestId("product-card").filter({ has: customer.getByRole("link", { name: product, exact: true }) });
    await card.getByRole("button", { name: `Ajouter au panier : ${product}` }).click();
    await expect(card.getByRole("status")).toContainText("Ajouté au panier");
  }
  await customer.goto("/commande");
  for (const shop of ["Boulangerie du Marché", "Librairie La Belle Aventure"]) {
    const block = customer.getByRole("group", { name: shop });
    await block.getByRole("radio", { name: /Point relais — Hôtel de Ville/ }).check();
    const options = block.getByRole("combobox", { name: "Créneau de retrait" }).locator("option:not([disabled])");
    await block.getByRole("combobox", { name: "Créneau de retrait" }).selectOption((await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value")) ?? "");
  }
  await customer.getByLabel("Nom et prénom").fill(name);
  await customer.getByLabel("Adresse e-mail").fill(uniqueEmail("basile"));
  await customer.getByLabel("Téléphone").fill("06 55 44 33 22");
  await customer.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(customer.getByRole("heading", { level: 1, name: "Merci, vos commandes sont confirmées" })).toBeVisible();

  // One relay code (with its QR) for both orders; each order keeps its own code.
  const basket = customer.getByTestId("relay-basket-code");
  await expect(basket).toContainText("Boulangerie du Marché, Librairie La Belle Aventure");
  await expect(basket.getByRole("img", { name: /QR code du code du point relais/ })).toBeVisible();
  const relayCode = ((await basket.getByTestId("relay-code").textContent()) ?? "").trim();
  expect(relayCode).toMatch(/^[2-9A-Z]{6}$/);
  expect(await customer.getByTestId("pickup-code").allTextContents()).not.toContain(relayCode);
  await expectNoAccessibilityViolations(customer);
  const linkOf = async (shop: string) => (await customer.getByTestId("confirmed-order").filter({ hasText: shop }).getByRole("link").getAttribute("href")) ?? "";
  const orderIdOf = (href: string) => /\/commandes\/([^?]+)/.exec(href)?.[1] ?? "";
  const [bakeryLink, bookLink] = [await linkOf("Boulangerie du Marché"), await linkOf("Librairie La Belle Aventure")];
  const [bakeryOrder, bookOrder] = [orderIdOf(bakeryLink), orderIdOf(bookLink)];

  // The bakery drops its order; the desk sees one of two, and hands it over with the basket's code.
  await shopDrops(browser, "boulangerie@comptoir.local", bakeryOrder);
  const desk = await (await browser.newContext()).newPage();
  await signInWithPassword(desk, "operateur@comptoir.local");
  await desk.getByRole("link", { name: "Points relais" }).click();
  await desk.getByRole("link", { name: /Hôtel de Ville/ }).click();
  const group = desk.getByTestId("relay-basket").filter({ hasText: name });
  await expect(group).toContainText("1 commande(s) arrivée(s) sur 2");
  await expect(group.getByTestId("relay-basket-order").filter({ hasText: "Librairie La Belle Aventure" })).toContainText("pas encore là");
  await expectNoAccessibilityViolations(desk);
  await group.getByLabel(`Code du point relais de ${name}`).fill("ZZZZZZ");
  await group.getByRole("button", { name: `Remettre la commande arrivée à ${name}` }).click();
  await expect(group.getByRole("status")).toContainText("Code de retrait incorrect");
  await group.getByLabel(`Code du point relais de ${name}`).fill(relayCode.toLowerCase());
  await group.getByRole("button", { name: `Remettre la commande arrivée à ${name}` }).click();
  await expect(desk.getByTestId("basket-handed-over")).toHaveText("1 commande remise ; 1 autre est encore attendue (même code quand elle arrive).");

  // The bookshop's order arrives later: the same code collects it.
  await shopDrops(browser, "librairie@comptoir.local", bookOrder);
  await desk.goto(new URL(desk.url()).pathname);
  const rest = desk.getByTestId("relay-basket").filter({ hasText: name });
  await rest.getByLabel(`Code du point relais de ${name}`).fill(relayCode);
  await rest.getByRole("button", { name: `Remettre la commande arrivée à ${name}` }).click();
  await expect(desk.getByTestId("basket-handed-over")).toHaveText("1 commande remise : le panier est complet.");
  await customer.goto(bookLink);
  await expect(customer.getByTestId("order-status")).toHaveText("Retirée");
});
