import { expect, type Page } from "./test";

/** Adds one of a product to the basket from its shop's page. */
export async function addToBasket(page: Page, shopSlug: string, productName: string) {
  await page.goto(`/boutiques/${shopSlug}`);
  const card = page.getByTestId("product-card").filter({ has: page.getByRole("link", { name: productName, exact: true }) });
  await card.getByRole("button", { name: `Ajouter au panier : ${productName}` }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
}

/** At checkout: the shop's door, its second free slot (the first may leave the schedule meanwhile), paid online. */
export async function chooseDoorPickupPaidOnline(page: Page, shopName: string) {
  const block = page.getByRole("group", { name: shopName });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const select = block.getByRole("combobox", { name: "Créneau de retrait" });
  const options = select.locator("option:not([disabled])");
  await select.selectOption((await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value")) ?? "");
  await block.getByRole("radio", { name: /Paiement en ligne/ }).check();
}

/** The basket's products from one shop, picked up at its door and paid on the Stripe double's page: the order confirmed. */
export async function orderAtOneShopPaidOnline(page: Page, shop: { slug: string; name: string }, products: string[], contact: { name: string; email: string }) {
  for (const product of products) await addToBasket(page, shop.slug, product);
  await page.goto("/commande");
  await chooseDoorPickupPaidOnline(page, shop.name);
  await page.getByLabel("Nom et prénom").fill(contact.name);
  await page.getByLabel("Adresse e-mail").fill(contact.email);
  await page.getByLabel("Téléphone").fill("0612345678");
  await page.getByRole("button", { name: "Confirmer la commande" }).click();
  await page.getByRole("button", { name: /^Payer / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();
}
