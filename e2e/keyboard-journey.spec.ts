import { expect, test, type Locator, type Page } from "./support/test";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";

/**
 * The customer journey without a mouse: every control is reached by focus and
 * operated with the keyboard only (Enter, Space, arrows, typing).
 */
async function press(locator: Locator, key = "Enter") {
  await locator.focus();
  await expect(locator).toBeFocused();
  await locator.page().keyboard.press(key);
}

async function type(locator: Locator, text: string) {
  await locator.focus();
  await locator.page().keyboard.press("ControlOrMeta+a");
  await locator.page().keyboard.type(text);
}

async function addWithKeyboard(page: Page, productName: string) {
  const card = page.getByTestId("product-card").filter({ has: page.getByRole("link", { name: productName, exact: true }) });
  await press(card.getByRole("button", { name: `Ajouter au panier : ${productName}` }));
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
}

test("the whole order path works with the keyboard alone", async ({ page }) => {
  const email = uniqueEmail("clavier");
  await page.goto("/");
  // The skip link is the first thing Tab reaches.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();

  await type(page.getByRole("searchbox", { name: "Rechercher un commerce ou un produit" }), "pain");
  await page.keyboard.press("Enter");
  await press(page.getByRole("link", { name: "Boulangerie du Marché" }).first());
  await expect(page.getByRole("heading", { level: 1, name: "Boulangerie du Marché" })).toBeVisible();
  await addWithKeyboard(page, "Baguette tradition");

  await page.goto("/boutiques/la-ronde-des-jouets");
  await addWithKeyboard(page, "Toupie en bois");

  await press(page.getByRole("link", { name: /Panier \d+ articles?/ }));
  await press(page.getByRole("link", { name: "Choisir le retrait et commander" }));

  for (const [shop, point] of [["Boulangerie du Marché", /Au magasin/], ["La Ronde des Jouets", /Point relais — Office de tourisme/]] as const) {
    const block = page.getByRole("group", { name: shop });
    const doorRadio = block.getByRole("radio").first();
    await doorRadio.focus();
    const target = block.getByRole("radio", { name: point });
    for (let i = 0; i < 4 && !(await target.isChecked()); i++) await page.keyboard.press(i === 0 ? "Space" : "ArrowDown");
    await expect(target).toBeChecked();
    const select = block.getByRole("combobox", { name: "Créneau de retrait" });
    await select.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(select).not.toHaveValue("");
  }
  await type(page.getByLabel("Nom et prénom"), "Alex Clavier");
  await type(page.getByLabel("Adresse e-mail"), email);
  await type(page.getByLabel("Téléphone"), "0549000000");
  await press(page.getByRole("button", { name: "Confirmer la commande" }));
  await expect(page.getByTestId("confirmed-order")).toHaveCount(2);

  const link = await latestLinkFor(page, email, /La Ronde des Jouets/);
  await page.goto(link);
  await press(page.getByText("Annuler la commande"));
  await press(page.getByRole("button", { name: "Oui, annuler cette commande" }));
  await expect(page.getByTestId("order-status")).toHaveText("Annulée");
});
