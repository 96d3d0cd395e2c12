import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

/** A guest orders one item from the bakery, collected at the shop door; returns the pickup code. */
async function customerOrders(page: Page, email: string): Promise<string> {
  await page.goto("/boutiques/boulangerie-du-marche");
  const card = page.getByTestId("product-card").filter({ has: page.getByRole("link", { name: "Fougasse aux olives", exact: true }) });
  await card.getByRole("button", { name: /Ajouter au panier/ }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
  await page.goto("/commande");
  const block = page.getByRole("group", { name: "Boulangerie du Marché" });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const options = block.getByRole("combobox", { name: "Créneau de retrait" }).locator("option:not([disabled])");
  await block.getByRole("combobox", { name: "Créneau de retrait" }).selectOption((await options.nth(1).getAttribute("value")) ?? "");
  await page.getByLabel("Nom et prénom").fill("Dominique Client");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  return (await page.getByTestId("pickup-code").first().textContent()) ?? "";
}

test("a shopkeeper sees a new order, prepares it, marks it ready (the customer is emailed) and hands it over against the pickup code", async ({ browser }) => {
  const shopkeeper = await (await browser.newContext()).newPage();
  // A phone camera pointed at the customer's QR code: a canvas stream and a detector that reads window.__shownQr.
  await shopkeeper.addInitScript(() => {
    const scope = window as unknown as { BarcodeDetector: unknown; __shownQr?: string };
    scope.BarcodeDetector = class {
      detect() {
        return Promise.resolve(scope.__shownQr ? [{ rawValue: scope.__shownQr }] : []);
      }
    };
    Object.defineProperty(navigator, "mediaDevices", {
      value: { getUserMedia: async () => document.createElement("canvas").captureStream(5) },
    });
  });
  await signInWithPassword(shopkeeper, "boulangerie@comptoir.local");
  await shopkeeper.getByRole("link", { name: "Mon commerce" }).click();
  await expect(shopkeeper.getByRole("heading", { level: 1, name: /Boulangerie du Marché/ })).toBeVisible();
  await expectNoAccessibilityViolations(shopkeeper);

  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const email = uniqueEmail("dominique");
  const code = await customerOrders(customer, email);
  expect(code).toMatch(/^[2-9A-Z]{6}$/);

  // The board refreshes by itself and announces the new order.
  await expect(shopkeeper.getByTestId("board-refresh")).toContainText("Nouvelles commandes", { timeout: 40_000 });
  const row = shopkeeper.getByRole("listitem").filter({ hasText: "Dominique Client" });
  await row.getByRole("link").click();
  await expect(shopkeeper.getByTestId("shop-order-status")).toHaveText("Confirmée");
  await expectNoAccessibilityViolations(shopkeeper);

  await shopkeeper.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(shopkeeper.getByTestId("shop-order-status")).toHaveText("En préparation");
  await shopkeeper.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shopkeeper.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  await latestLinkFor(customer, email, /prête à retirer/);

  const collect = shopkeeper.getByTestId("action-markCollected");
  await collect.getByLabel("Code de retrait présenté par le client").fill("ZZZZZZ");
  await collect.getByRole("button", { name: "Valider le retrait" }).click();
  await expect(collect.getByRole("status")).toContainText("Code de retrait incorrect");
  await expect(shopkeeper.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  await collect.getByLabel("Code de retrait présenté par le client").fill("");
  await shopkeeper.evaluate((shown) => ((window as unknown as { __shownQr?: string }).__shownQr = shown), code);
  await collect.getByRole("button", { name: "Scanner le QR code du client" }).click();
  await expect(collect.getByLabel("Code de retrait présenté par le client")).toHaveValue(code);
  await collect.getByRole("button", { name: "Valider le retrait" }).click();
  await expect(shopkeeper.getByTestId("shop-order-status")).toHaveText("Retirée");
  await customerContext.close();
});

test("a shopkeeper of another shop gets 404 on this shop's dashboard and orders", async ({ page }) => {
  await signInWithPassword(page, "librairie@comptoir.local");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: /Librairie La Belle Aventure/ })).toBeVisible();
  // Any shop id that is not theirs answers 404, whether it exists or not (ids are checked on the server).
  const response = await page.goto("/dashboard/not-my-shop");
  expect(response?.status()).toBe(404);
});

test("the dashboard fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signInWithPassword(page, "fromagerie@comptoir.local");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      // The tab bar is one row that scrolls sideways on purpose: what it holds may extend past the screen inside it.
      .filter((el) => !el.parentElement?.closest("ul.overflow-x-auto"))
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
  );
  expect(wide).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test("territory staff open a relay point desk (and pass axe)", async ({ page }) => {
  await signInWithPassword(page, "operateur@comptoir.local");
  await page.getByRole("link", { name: "Points relais" }).click();
  await page.getByRole("link", { name: /Hôtel de Ville/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Point relais — Hôtel de Ville/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "À remettre aux clients" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
