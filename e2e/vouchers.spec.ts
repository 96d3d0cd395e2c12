import { expect, test, type Page } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { addToBasket, chooseDoorPickupPaidOnline } from "./support/basket";
import { uniqueEmail, waitForEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

/**
 * Town vouchers end to end (issue #14): the town's admin starts a top-up for two
 * shops, a customer's basket from both gets it split in proportion and pays the
 * rest online, the shops collect, and the town's statement owes each its share.
 */
const CAMPAIGN = `Noël en ville ${Date.now()}`;

/** Paris's calendar date in `days` days, as a date input wants it. */
const parisDay = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });

async function collect(page: Page, account: string, customer: string, code: string) {
  await signInWithPassword(page, account);
  await page.goto("/dashboard");
  await page.getByRole("listitem").filter({ hasText: customer }).getByRole("link").click();
  await expect(page.getByTestId("voucher-share")).toBeVisible();
  await page.getByRole("button", { name: "Commencer la préparation" }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText("En préparation");
  await page.getByRole("button", { name: "Marquer prête à retirer" }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText("Prête à retirer");
  const form = page.getByTestId("action-markCollected");
  await form.getByLabel("Code de retrait présenté par le client").fill(code);
  await form.getByRole("button", { name: "Valider le retrait" }).click();
  await expect(page.getByTestId("shop-order-status")).toHaveText("Retirée");
}

// Whatever happens above, the campaign stops: the other journeys' totals must not change.
test.afterAll(async ({ browser }) => {
  const admin = await browser.newPage();
  await signInWithPassword(admin, "admin@comptoir.local");
  await admin.goto("/admin/bons");
  const link = admin.getByRole("link", { name: CAMPAIGN });
  if ((await link.count()) > 0) {
    await link.click();
    const stop = admin.getByRole("button", { name: "Arrêter la campagne maintenant" });
    if ((await stop.count()) > 0) {
      await stop.click();
      // The page re-renders without the button once the campaign is over.
      await expect(admin.getByTestId("campaign-over")).toBeVisible();
    }
  }
  await admin.close();
});

test("the town tops up a basket from two shops, the card pays the rest, the shops collect and the statement owes each its share", async ({ page, browser }) => {
  // 1. The town's admin starts a 50 % top-up (up to 20 € a person) for the baker and the bookshop.
  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, "admin@comptoir.local");
  await admin.goto("/admin/bons");
  await expect(admin.getByRole("heading", { level: 1, name: /Bons d’achat/ })).toBeVisible();
  await expectNoAccessibilityViolations(admin);
  await admin.getByLabel("Nom de la campagne").fill(CAMPAIGN);
  await admin.getByLabel("Budget (€)").fill("1000");
  await admin.getByLabel("Dernier jour").fill(parisDay(30));
  await admin.getByLabel("Part payée par la ville (%)").fill("50");
  await admin.getByLabel("Plafond par personne (€)").fill("20");
  await admin.getByLabel("Panier minimum (€)").fill("5");
  await admin.getByLabel("Qui participe").selectOption("SHOPS");
  const shops = admin.getByRole("group", { name: "Ces commerces" });
  await shops.getByLabel("Boulangerie du Marché").check();
  await shops.getByLabel("Librairie La Belle Aventure").check();
  await admin.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: CAMPAIGN })).toBeVisible();
  await expect(admin.getByTestId("campaign-left")).toHaveText(/1\s000,00\s€/);
  await expectNoAccessibilityViolations(admin);

  // 2. A customer's basket: 3,50 € at the baker, 8,90 € at the bookshop — the help is shown before confirming.
  const email = uniqueEmail("bon");
  const customer = `Lou Bon ${Date.now()}`;
  await addToBasket(page, "boulangerie-du-marche", "Fougasse aux olives");
  await addToBasket(page, "librairie-la-belle-aventure", "Le Petit Prince");
  await page.goto("/commande");
  const topUp = page.getByTestId("checkout-topup");
  await expect(topUp).toContainText(CAMPAIGN);
  await expect(topUp).toContainText(/Boulangerie du Marché : −1,75\s€/);
  await expect(topUp).toContainText(/Librairie La Belle Aventure : −4,45\s€/);
  await expect(topUp).toContainText(/il vous reste 6,20\s€ à payer/);
  await chooseDoorPickupPaidOnline(page, "Boulangerie du Marché");
  await chooseDoorPickupPaidOnline(page, "Librairie La Belle Aventure");
  await page.getByLabel("Nom et prénom").fill(customer);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("06 55 44 33 22");
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Confirmer la commande" }).click();

  // 3. The card pays only the rest: 12,40 € − 6,20 €.
  const pay = page.getByRole("button", { name: /^Payer / });
  await expect(pay).toContainText("6,20");
  await pay.click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, vos commandes sont confirmées" })).toBeVisible();
  const orders = page.getByTestId("confirmed-order");
  await expect(orders.filter({ hasText: "Boulangerie" }).getByTestId("voucher-share")).toContainText(/−1,75\s€.*reste à payer : 1,75\s€/);
  await expect(orders.filter({ hasText: "Librairie" }).getByTestId("voucher-share")).toContainText(/−4,45\s€.*reste à payer : 4,45\s€/);
  const bakerCode = (await orders.filter({ hasText: "Boulangerie" }).getByTestId("pickup-code").textContent()) ?? "";
  const bookCode = (await orders.filter({ hasText: "Librairie" }).getByTestId("pickup-code").textContent()) ?? "";
  await waitForEmail(page, email, /confirmée/);

  // 4. Both shops prepare and hand over.
  const baker = await (await browser.newContext()).newPage();
  await collect(baker, "boulangerie@comptoir.local", customer, bakerCode);
  const bookseller = await (await browser.newContext()).newPage();
  await collect(bookseller, "librairie@comptoir.local", customer, bookCode);

  // 5. The campaign's money: 6,20 € spent; the month's statement owes each shop its share.
  await admin.reload();
  await expect(admin.getByTestId("campaign-spent")).toHaveText(/6,20\s€/);
  await expect(admin.getByTestId("campaign-committed")).toHaveText(/0,00\s€/);
  await admin.goto("/admin/bons/releves");
  const statement = admin.getByTestId("voucher-statement");
  await expect(statement.getByTestId("statement-shop").filter({ hasText: "Boulangerie du Marché" }).getByTestId("statement-shop-total")).toHaveText(/1,75\s€/);
  await expect(statement.getByTestId("statement-shop").filter({ hasText: "Librairie La Belle Aventure" }).getByTestId("statement-shop-total")).toHaveText(/4,45\s€/);
  await expect(statement.getByTestId("statement-total")).toHaveText(/6,20\s€/);
  await expectNoAccessibilityViolations(admin);

  // The baker sees the same in their dashboard.
  await baker.goto(baker.url().replace(/\/commandes\/.*$/, "/bons"));
  await expect(baker.getByTestId("statement-shop-total").first()).toHaveText(/1,75\s€/);
  await expectNoAccessibilityViolations(baker);
});
