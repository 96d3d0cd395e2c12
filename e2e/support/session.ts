import { expect, type Browser, type Page } from "@playwright/test";

/** Signs a demo staff account in with its password. */
export async function signInWithPassword(page: Page, email: string, password = "comptoir-demo") {
  await page.goto("/connexion");
  const staff = page.getByRole("region", { name: "Espace commerçants et équipes" });
  await staff.getByLabel("Adresse e-mail").fill(email);
  await staff.getByLabel("Mot de passe").fill(password);
  await staff.getByRole("button", { name: "Se connecter" }).click();
  // Each role lands on its own home (/connexion/suite redirects): wait until it has
  // (on a phone the sign-out button sits behind the menu, so the address tells).
  await expect(page).not.toHaveURL(/\/connexion/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** A shop's staff on their own phone (a new browser context): signed in, on the customer's order, preparation started. */
export async function startPreparingAsShop(browser: Browser, staffEmail: string, customerName: string): Promise<Page> {
  const shop = await (await browser.newContext()).newPage();
  await signInWithPassword(shop, staffEmail);
  await shop.goto("/dashboard");
  await shop.getByRole("listitem").filter({ hasText: customerName }).getByRole("link").first().click();
  await shop.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("En préparation");
  return shop;
}

/** The shop marks the order ready; the capture that follows (a background job) shows in the payment history with this amount. */
export async function markReadyAndSeeCapture(shop: Page, amount: string) {
  await shop.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(shop.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  await expect(async () => {
    await shop.reload();
    await expect(shop.getByTestId("payment-ledger")).toContainText(new RegExp(`Prélèvement.*${amount}`), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
