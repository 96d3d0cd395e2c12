import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { signInWithPassword } from "./support/session";

test("the owner edits a weekly schedule, sees the live preview change, and saves it", async ({ page }) => {
  await signInWithPassword(page, "boulangerie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Retraits" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Créneaux de retrait" })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const door = page.getByTestId("schedule-editor").filter({ has: page.getByRole("heading", { name: "Boulangerie du Marché" }) });
  const preview = door.getByTestId("schedule-preview");
  await expect(preview).toContainText("9 h 00");
  // Removing every period empties the preview at once (nothing saved yet).
  const remove = door.getByRole("button", { name: "Supprimer cette plage" });
  while ((await remove.count()) > 0) await remove.first().click();
  await expect(door.getByText("Aucun créneau dans les 7 prochains jours.")).toBeVisible();
  await page.reload();
  await expect(preview).toContainText("9 h 00");
  await door.getByLabel("Commandes par créneau").first().fill("6");
  await door.getByRole("button", { name: "Enregistrer les horaires de Boulangerie du Marché" }).click();
  await expect(door.getByRole("status")).toContainText("Horaires enregistrés.");
  await page.reload();
  await expect(page.getByTestId("schedule-editor").first().getByLabel("Commandes par créneau").first()).toHaveValue("6");
});

test("the daily summary shows the preparation list and figures, and passes axe", async ({ page }) => {
  await signInWithPassword(page, "boulangerie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Résumé du jour" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Préparation du/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimer la liste" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Graphique : commandes par jour/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test("the owner sets when an uncollected order becomes a no-show and turns the morning digest off", async ({ page }) => {
  await signInWithPassword(page, "fromagerie@comptoir.local");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Retraits" }).click();
  const rules = page.getByRole("region", { name: "Règles automatiques" });
  await rules.getByLabel("Une commande prête non retirée passe en « non retirée »").selectOption("24");
  await rules.getByLabel("Recevoir chaque matin, à l’ouverture, les commandes du jour par e-mail").uncheck();
  await rules.getByRole("button", { name: "Enregistrer" }).click();
  await expect(rules.getByRole("status")).toContainText("Règles enregistrées.");
  await page.reload();
  await expect(rules.getByLabel("Une commande prête non retirée passe en « non retirée »")).toHaveValue("24");
  await expect(rules.getByLabel("Recevoir chaque matin, à l’ouverture, les commandes du jour par e-mail")).not.toBeChecked();
  await expectNoAccessibilityViolations(page);
});
