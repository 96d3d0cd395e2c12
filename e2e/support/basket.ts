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
