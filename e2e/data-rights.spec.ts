import { readFile } from "node:fs/promises";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

/**
 * Customers' data rights (issue #13): a customer signs in, orders, cancels, reads
 * the privacy notice, downloads their data, deletes their account — and the shop
 * still has the order for its books, as "Client supprimé".
 */
test("a customer downloads their data and deletes their account; the shop keeps the order as 'Client supprimé'", async ({ page, browser }) => {
  const email = uniqueEmail("rgpd");
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").first().fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();
  await page.goto(await latestLinkFor(page, email, /lien de connexion/));
  await expect(page).toHaveURL(/\/compte$/);

  // An order, then cancelled: deleting an account waits for its open orders.
  await page.goto("/boutiques/boulangerie-du-marche");
  const card = page.getByTestId("product-card").first();
  const product = (await card.getByRole("link").first().textContent())?.trim() ?? "";
  await card.getByRole("button", { name: `Ajouter au panier : ${product}` }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
  await page.goto("/commande");
  const block = page.getByRole("group", { name: "Boulangerie du Marché" });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const options = block.getByRole("combobox", { name: "Créneau de retrait" }).locator("option:not([disabled])");
  await block.getByRole("combobox", { name: "Créneau de retrait" }).selectOption((await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value")) ?? "");
  await page.getByLabel("Nom et prénom").fill("Camille Données");
  await page.getByLabel("Téléphone").fill("06 98 76 54 32");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();

  await page.goto("/compte");
  await page.getByRole("textbox", { name: "Pour confirmer, tapez votre adresse e-mail" }).fill(email);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("status").filter({ hasText: "commandes sont encore en cours" })).toBeVisible();

  await page.goto("/compte/commandes");
  const orderLink = page.getByRole("link", { name: /Boulangerie du Marché — / });
  const reference = (await orderLink.textContent())?.split(" — ")[1]?.trim() ?? "";
  expect(reference).not.toBe("");
  const orderId = (await orderLink.getAttribute("href"))?.split("/").pop() ?? "";
  await orderLink.click();
  await expect(page).toHaveURL(new RegExp(`/commandes/${orderId}`));
  await page.getByText("Annuler la commande").click();
  await page.getByRole("button", { name: "Oui, annuler cette commande" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Annulée");

  // The town's privacy notice, linked from every page's footer.
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Confidentialité" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Politique de confidentialité" })).toBeVisible();
  await expect(page.getByTestId("privacy-retention")).toContainText("effacées automatiquement 12 mois après la fin de la commande");
  await expect(page.getByTestId("privacy-rights")).toContainText("Client supprimé");
  await expectNoAccessibilityViolations(page);

  // The download holds the account and the order.
  await page.goto("/compte");
  await expectNoAccessibilityViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger mes données (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^comptoir-mes-donnees-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await download.path()) ?? "", "utf8")) as { account: { email: string }; orders: { reference: string; status: string; contact: { phone: string } }[]; emails: { subject: string }[] };
  expect(data.account.email).toBe(email);
  expect(data.orders).toEqual([expect.objectContaining({ reference, status: "CANCELLED", contact: expect.objectContaining({ phone: "06 98 76 54 32" }) as unknown })]);
  expect(data.emails.length).toBeGreaterThanOrEqual(2);

  // A wrong address deletes nothing; the right one deletes the account and signs out.
  const confirm = page.getByRole("textbox", { name: "Pour confirmer, tapez votre adresse e-mail" });
  await confirm.fill("quelquun@example.fr");
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("status")).toContainText("n’est pas celle de votre compte");
  await confirm.fill(email);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Votre compte a été supprimé" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.goto("/compte");
  await expect(page).toHaveURL(/\/connexion/);

  // The shop still has the order, with its amount, and no name.
  const shop = await browser.newContext();
  const shopPage = await shop.newPage();
  await signInWithPassword(shopPage, "boulangerie@comptoir.local");
  await expect(shopPage).toHaveURL(/\/dashboard\/[^/]+/);
  const shopId = new URL(shopPage.url()).pathname.split("/")[2];
  await shopPage.goto(`/dashboard/${shopId}/commandes/${orderId}`);
  await expect(shopPage.getByText(reference).first()).toBeVisible();
  await expect(shopPage.getByText("Client supprimé")).toBeVisible();
  await expect(shopPage.getByText("Camille Données")).toHaveCount(0);
  await expect(shopPage.getByText("06 98 76 54 32")).toHaveCount(0);
  await shop.close();
});
