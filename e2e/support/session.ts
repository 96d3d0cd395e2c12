import { expect, type Page } from "@playwright/test";

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
