import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { orderAtOneShopPaidOnline } from "./support/basket";
import { latestLinkFor, uniqueEmail, waitForEmail } from "./support/mailbox";
import { markReadyAndSeeCapture, startPreparingAsShop } from "./support/session";

// Issue #24: a substitute dearer than what the card guarantees is accepted through a new
// authorization (the Stripe double's hosted page stands in for Stripe Checkout).

test("a dearer substitute on an order paid online: the customer authorizes the new amount, the old authorization is replaced, the card is charged once at the new total", async ({ page, browser }) => {
  const email = uniqueEmail("plus-cher");
  const name = `Camille Pluscher ${Date.now()}`;
  await orderAtOneShopPaidOnline(page, { slug: "fromagerie-des-halles", name: "Fromagerie des Halles" }, ["Chabichou du Poitou AOP", "Camembert de Normandie AOP"], { name, email });
  const shop = await startPreparingAsShop(browser, "fromagerie@comptoir.local", name);
  // No Chabichou left: the Mothais (6,10 € for 5,20 €) is more than the 9,70 € the card guarantees.
  const chabichou = shop.getByTestId("substitute-Chabichou du Poitou AOP");
  await chabichou.getByText("Proposer un remplacement").click();
  const product = chabichou.getByLabel("À la place de Chabichou du Poitou AOP");
  await product.selectOption((await product.locator("option", { hasText: "Mothais sur feuille" }).getAttribute("value")) ?? "");
  await chabichou.getByLabel("Raison (lue par le client)").fill("Plus de chabichou affiné");
  await chabichou.getByRole("button", { name: "Proposer au client" }).click();
  await expect(shop.getByTestId("substitute-pending")).toContainText("1 × Mothais sur feuille");

  await page.goto(await latestLinkFor(page, email, /un remplacement vous est proposé/));
  const proposal = page.getByTestId("substitute-proposal");
  await expect(proposal.getByTestId("substitute-reauthorize")).toContainText("10,60");
  await expectNoAccessibilityViolations(page);
  // Leaving the payment page changes nothing; the proposal is still open.
  await proposal.getByRole("button", { name: /Accepter et autoriser 10,60/ }).click();
  await expect(page.getByRole("button", { name: /^Payer / })).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId("substitute-proposal").getByRole("button", { name: /Accepter et autoriser 10,60/ })).toBeVisible();
  await page.getByTestId("substitute-proposal").getByRole("button", { name: /Accepter et autoriser 10,60/ }).click();
  await page.getByRole("button", { name: /^Payer / }).click();
  // Back on the proposal, settled on return (the webhook may come later): accepted.
  await expect(page.getByTestId("substitute-outcome")).toHaveText("Vous avez accepté ce remplacement.");
  await waitForEmail(page, email, /Chabichou du Poitou AOP remplacé par Mothais sur feuille — nouveau total 10,60/);

  await shop.reload();
  await expect(shop.getByText("1 × Mothais sur feuille").first()).toBeVisible();
  await markReadyAndSeeCapture(shop, "10,60");
  await shop.context().close();
});
