import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

test("the owner updates the shop's hours and invites a team member, who joins through the emailed link", async ({ page, browser }) => {
  await signInWithPassword(page, "librairie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Profil" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Profil du commerce" })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("lundi").fill("10:00-12:00");
  await page.getByRole("button", { name: "Enregistrer les informations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré." })).toBeVisible();
  await page.getByLabel("mardi").fill("9h à midi");
  await page.getByRole("button", { name: "Enregistrer les informations" }).click();
  await expect(page.getByText("Horaires invalides")).toBeVisible();

  const email = uniqueEmail("equipe");
  await page.getByLabel("Inviter un membre de l'équipe (e-mail)").fill(email);
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await expect(page.getByText("Invitation envoyée.")).toBeVisible();

  const newcomer = await (await browser.newContext()).newPage();
  const invitation = await latestLinkFor(newcomer, email, /Invitation à rejoindre/);
  await newcomer.goto(invitation);
  await expect(newcomer.getByRole("heading", { name: "Invitation à rejoindre Librairie La Belle Aventure" })).toBeVisible();
  await expectNoAccessibilityViolations(newcomer);
  await newcomer.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await newcomer.getByLabel("Adresse e-mail").first().fill(email);
  await newcomer.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(newcomer.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();
  await newcomer.goto(await latestLinkFor(newcomer, email, /lien de connexion/));
  await expect(newcomer).toHaveURL(/\/invitation\//);
  await newcomer.getByRole("button", { name: "Accepter et rejoindre l'équipe" }).click();
  await expect(newcomer).toHaveURL(/\/dashboard\//);
  await expect(newcomer.getByRole("heading", { level: 1, name: /Commandes du jour et à venir — Librairie La Belle Aventure/ })).toBeVisible();
  await newcomer.goto(invitation);
  await expect(newcomer.getByRole("main").getByRole("alert")).toContainText("déjà été utilisée");
});
