import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { signInWithPassword } from "./support/session";

test.describe("storefront shell", () => {
  test("the home page shows the territory, its five categories with shop counts, and its shops", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Grand Poitiers/);
    await expect(page.getByRole("heading", { level: 1, name: "Les commerces de Grand Poitiers" })).toBeVisible();
    for (const slug of ["sante", "culture", "alimentation", "services", "jeux-et-jouets"]) {
      await expect(page.getByTestId(`category-${slug}`)).toContainText(/\d+ commerces?/);
    }
    await expect(page.getByRole("heading", { name: "Boulangerie du Marché" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Comment commander ?" })).toBeVisible();
    // "Open now" is worked out in the browser (the page is shared by everyone): every card gets its mark.
    const marks = page.getByTestId("open-now");
    await expect(marks.first()).toHaveText(/· (Ouvert|Fermé)/);
    expect(await marks.evaluateAll((spans) => spans.every((span) => /· (Ouvert|Fermé)/.test(span.textContent ?? "")))).toBe(true);
  });

  test("a visitor browses by category and commune, and shows the map on demand", async ({ page }) => {
    await page.goto("/");
    // The map (library, styles, tiles) loads only when asked for.
    const mapButton = page.getByRole("button", { name: "Voir les commerces sur une carte" });
    await expect(mapButton).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("region", { name: /Carte des commerces/ })).toHaveCount(0);
    await mapButton.click();
    await expect(page.getByRole("region", { name: /Carte des commerces/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Masquer la carte" })).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("link", { name: /^Santé/ }).click();
    await expect(page.getByTestId("shop-count")).toHaveText("2 commerces");
    await expect(page.getByRole("heading", { name: "Pharmacie des Trois Cités" })).toBeVisible();
    await page.getByRole("combobox", { name: "Catégorie" }).selectOption("alimentation");
    await page.getByRole("combobox", { name: "Commune" }).selectOption("Buxerolles");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/categorie=alimentation/);
    await expect(page.getByRole("heading", { name: "Boucherie Saint-Éloi" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Boulangerie du Marché" })).toHaveCount(0);
    await page.getByRole("link", { name: "Boucherie Saint-Éloi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Boucherie Saint-Éloi" })).toBeVisible();
    await expect(page.getByText("En stock").first()).toBeVisible();
  });

  test("the header search finds products and says which shop sells them", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Rechercher un commerce ou un produit" }).fill("pain");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Résultats pour « pain »");
    await expect(page.getByRole("listitem").filter({ hasText: "Pain de campagne au levain" })).toContainText("chez Boulangerie du Marché");
  });

  test("the language switch turns the interface into English and back", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "The shops of Grand Poitiers" })).toBeVisible();
    await page.getByRole("button", { name: "Passer en français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  });

  test("without JavaScript, a visitor adds a product from the shop page and lands on the basket", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/boutiques/librairie-la-belle-aventure");
    const card = page.getByTestId("product-card").filter({ has: page.getByRole("link", { name: "Le Petit Prince", exact: true }) });
    await card.getByLabel(/Quantité/).fill("2");
    await card.getByRole("button", { name: "Ajouter au panier : Le Petit Prince" }).click();
    await expect(page).toHaveURL(/\/panier$/);
    await expect(page.getByTestId("cart-group")).toContainText("Le Petit Prince");
    await expect(page.getByTestId("cart-group").getByRole("spinbutton").first()).toHaveValue("2");
    // The header's count is read by script (pages are shared by everyone): without it, no number is shown rather than a wrong one.
    await expect(page.getByTestId("cart-badge")).toHaveCount(0);
    await context.close();
  });

  test("an unknown page answers 404 with a way back", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    await page.getByRole("link", { name: "Retour à l'accueil" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});

const MAIN_PAGES = ["/", "/?categorie=sante&ouvert=1", "/boutiques/boulangerie-du-marche", "/compte/commandes", "/recherche?q=pain", "/recherche?q=zzzz", "/panier", "/connexion", "/connexion/verifier", "/connexion/erreur?error=Verification", "/dev/mailbox", "/accessibilite", "/mentions-legales", "/introuvable"];

test.describe("accessibility and small screens", () => {
  for (const path of MAIN_PAGES) {
    test(`axe finds no WCAG 2.2 AA violation on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expectNoAccessibilityViolations(page);
    });
  }

  test("the signed-in account page passes axe too", async ({ page }) => {
    await page.goto("/connexion");
    const staff = page.getByRole("region", { name: "Espace commerçants et équipes" });
    await staff.getByLabel("Adresse e-mail").fill("admin@comptoir.local");
    await staff.getByLabel("Mot de passe").fill("comptoir-demo");
    await staff.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/admin/);
    await page.goto("/compte");
    await expect(page.getByText("Administrateur du territoire — Grand Poitiers")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    // The signed-in header (account, sign-out, language) still fits a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("on a 360 px phone a signed-in shopkeeper gets a compact header, one row of tabs, and the links behind a menu", async ({ page }) => {
    await signInWithPassword(page, "boulangerie@comptoir.local");
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: /Commandes du jour/ })).toBeVisible();
    // "Add to home screen" here installs the dashboard (its own manifest), not the storefront.
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/dashboard.webmanifest");
    const header = await page.getByRole("banner").boundingBox();
    const tabs = await page.getByRole("navigation", { name: /Boulangerie du Marché/ }).boundingBox();
    // Logo, basket and menu on one row, the search on another; the tabs on a single row that scrolls sideways.
    expect(header?.height ?? 999).toBeLessThan(140);
    expect(tabs?.height ?? 999).toBeLessThan(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeHidden();
    // A <details> menu: it opens without JavaScript too, and costs no layout shift when the page comes alive.
    const menu = page.getByRole("banner").locator("details");
    await menu.locator("summary", { hasText: "Menu" }).click();
    await expect(menu).toHaveAttribute("open", "");
    await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Mon compte" }).click();
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeHidden();
  });

  for (const path of ["/", "/connexion", "/recherche?q=pain"]) {
    test(`${path} fits a 360 px wide phone without horizontal scrolling`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expect(page.getByRole("searchbox")).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath("phone.png"), fullPage: true });
    });
  }
});
