import { expect, test, type Page } from "./support/test";
import { uniqueEmail, waitForEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

const HOUR = 3_600_000;

/** Moves the app's clock and its job queue forward (exists only under the test harness). */
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

test("a customer is reminded of the pickup, then the uncollected order becomes a no-show, as time passes", async ({ page, browser }) => {
  const email = uniqueEmail("rappel");
  const name = `Client Rappel ${Date.now()}`;
  await page.goto("/boutiques/librairie-la-belle-aventure");
  const card = page.getByTestId("product-card").first();
  await card.getByRole("button", { name: /Ajouter au panier/ }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
  await page.goto("/commande");
  const block = page.getByRole("group", { name: "Librairie La Belle Aventure" });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const slots = block.getByRole("combobox", { name: "Créneau de retrait" });
  const values = (await slots.locator("option:not([disabled])").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  // A slot at least a day away: its reminder is still to come.
  const slot = values.find((value) => new Date(value).getTime() > Date.now() + 26 * HOUR) ?? values.at(-1) ?? "";
  await slots.selectOption(slot);
  await page.getByLabel("Nom et prénom").fill(name);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  const code = (await page.getByTestId("pickup-code").first().textContent()) ?? "";
  await waitForEmail(page, email, /confirmée/);

  // The shop prepares it; the customer will not come.
  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, "librairie@comptoir.local");
  await shop.goto("/dashboard");
  await shop.getByRole("listitem").filter({ hasText: name }).getByRole("link").click();
  await shop.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("En préparation");
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Prête à retirer");

  // Until shortly before the slot: the reminder arrives, with the pickup code.
  await advanceClock(page, Math.floor((new Date(slot).getTime() - Date.now() - 90 * 60_000) / 60_000));
  const reminder = await waitForEmail(page, email, /Rappel/);
  expect(reminder).toContain(code);

  // Well past the shop's grace period: the order is closed as not collected, automatically.
  await advanceClock(page, 20 * 24 * 60);
  await waitForEmail(page, email, /non retirée/);
  await shop.reload();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Non retirée");
  await expect(shop.getByRole("region", { name: "Historique" })).toContainText("automatique");
  await shop.context().close();
});
