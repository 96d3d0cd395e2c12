import path from "node:path";
import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

/** Signs in with an emailed link (what a new admin or shopkeeper without a password does). */
async function signInByEmail(page: import("@playwright/test").Page, email: string) {
  await page.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await page.getByLabel("Adresse e-mail").first().fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();
  await page.goto(await latestLinkFor(page, email, /lien de connexion/));
}

/**
 * Issue #12, "opening a town, measured": Niort is seeded in preparation with no
 * admin. The super-admin gives it one; that admin prepares the town through the
 * opening checklist (identity, legal notice, suggested hours), recruits its first
 * shop through the sign-up link, previews the town, opens it — and a resident orders.
 */
test("a new town's admin opens Niort from the checklist, its first shop goes live and a resident orders", async ({ browser }) => {
  test.setTimeout(240_000);
  const adminEmail = uniqueEmail("mairie-niort");
  const shopEmail = uniqueEmail("epicerie-niort");
  const shopName = `Épicerie du Donjon ${Date.now() % 100000}`;

  // 1. The super-admin invites Niort's first admin.
  const superAdmin = await (await browser.newContext()).newPage();
  await signInWithPassword(superAdmin, "superadmin@comptoir.local");
  await superAdmin.goto("/admin/territoires");
  await superAdmin.getByRole("button", { name: "Administrer Niort Agglo et son équipe" }).click();
  await expect(superAdmin.getByRole("heading", { level: 1, name: "Équipe — Niort Agglo" })).toBeVisible();
  await expect(superAdmin.getByText("Personne n’administre encore ce territoire")).toBeVisible();
  await expectNoAccessibilityViolations(superAdmin);
  await superAdmin.getByLabel("Adresse e-mail").fill(adminEmail);
  await superAdmin.getByRole("radio", { name: /Administrateur/ }).check();
  await superAdmin.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(superAdmin.getByTestId("team-invitations")).toContainText(adminEmail);

  // 2. The new admin accepts, signed in with the invited address, and lands on Niort's console.
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(await latestLinkFor(admin, adminEmail, /Invitation : Niort Agglo/));
  await expect(admin.getByRole("heading", { level: 1, name: "Invitation à l’équipe de Niort Agglo" })).toBeVisible();
  await signInByEmail(admin, adminEmail);
  await expectNoAccessibilityViolations(admin);
  await admin.getByRole("button", { name: "Accepter et rejoindre l’équipe" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.getByRole("link", { name: "Ouverture" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Ouvrir Niort Agglo" })).toBeVisible();
  await expect(admin.getByText(/Avant d’ouvrir, il reste : Identité de la ville, Mentions légales, Premier commerce inscrit, Premier commerce en ligne/)).toBeVisible();
  await expectNoAccessibilityViolations(admin);

  // 3. Suggested pickup hours, every day, so the first shop has slots whatever day the test runs.
  const defaults = admin.locator("#horaires-proposes");
  for (const day of ["Lundi", "Dimanche"]) await defaults.getByRole("checkbox", { name: day }).check();
  await defaults.getByLabel("Début").fill("07:00");
  await defaults.getByLabel("Fin").fill("21:00");
  await defaults.getByRole("button", { name: "Enregistrer les horaires proposés" }).click();
  await expect(defaults.getByText("Enregistré.")).toBeVisible();

  // 4. Identity and legal notice: a colour too light is refused with its contrast, a dark one is kept.
  await admin.getByRole("link", { name: "Faire : Identité de la ville" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Identité de Niort Agglo" })).toBeVisible();
  await expectNoAccessibilityViolations(admin);
  await admin.getByLabel("Image (PNG, JPEG ou WebP").setInputFiles(path.join(process.cwd(), "public", "icon-192.png"));
  await admin.getByRole("button", { name: "Envoyer le logo" }).click();
  await expect(admin.getByTestId("identity-logo")).toBeVisible();
  await admin.getByLabel("Texte d’accueil (page d’accueil)").fill("Les commerces de Niort et du Marais poitevin, à retirer en boutique.");
  await admin.getByLabel("Couleur principale (#rrvvbb)").fill("#7fb2e5");
  await admin.getByLabel("E-mail de contact").fill("commerces@niort.example.fr");
  await admin.getByLabel("Téléphone").fill("05 49 78 79 80");
  await admin.getByLabel("Éditeur").fill("Mairie de Niort, 1 place Martin Bastard, 79000 Niort");
  await admin.getByLabel("Directeur ou directrice de la publication").fill("Le maire de Niort");
  const details = admin.getByRole("region", { name: "Nom, accueil, couleur" });
  await details.getByRole("button", { name: "Enregistrer l’identité" }).click();
  await expect(details.getByText(/Couleur trop claire : contraste de 2,\d+:1/)).toBeVisible();
  await details.getByLabel("Couleur principale (#rrvvbb)").fill("#0b4f8a");
  await details.getByRole("button", { name: "Enregistrer l’identité" }).click();
  await expect(details.getByText("Enregistré.")).toBeVisible();

  // 5. The first shop applies through the town's sign-up link (open before the town is).
  await admin.getByRole("link", { name: "Ouverture" }).click();
  const applyLink = (await admin.getByTestId("apply-link").getAttribute("href")) ?? "";
  expect(applyLink).toMatch(/\/niort\/inscription-commerce$/);
  const shop = await (await browser.newContext()).newPage();
  await shop.goto(applyLink);
  await expect(shop.getByTestId("preview-banner")).toBeVisible();
  await shop.getByLabel("Nom du commerce").fill(shopName);
  await shop.getByLabel("Numéro SIRET (14 chiffres)").fill("732 829 320 00074");
  await shop.getByLabel("Catégorie").selectOption({ label: "Alimentation" });
  await shop.getByLabel("Commune").selectOption({ label: "Niort (79000)" });
  await shop.getByLabel("Adresse", { exact: true }).fill("2 rue Victor Hugo");
  await shop.getByLabel("Code postal").fill("79000");
  await shop.getByLabel("Votre nom").fill("Inès Marais");
  await shop.getByLabel("Votre téléphone").fill("06 21 43 65 87");
  await shop.getByLabel("Votre e-mail").fill(shopEmail);
  await shop.getByLabel("Ce que vous vendez").fill("Angélique confite, produits du Marais poitevin.");
  await shop.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(shop.getByTestId("application-status")).toHaveText("Reçue, en cours d'étude");

  await admin.getByRole("link", { name: "Demandes" }).click();
  await admin.getByRole("link", { name: `Examiner la demande de ${shopName}` }).click();
  await admin.getByRole("button", { name: "Accepter et inviter le gérant" }).click();
  await expect(admin.getByText("Acceptée : consultez l'e-mail d'invitation")).toBeVisible();

  // 6. The shopkeeper joins, adds a product, and finds the town's suggested hours ready to save.
  await shop.goto(await latestLinkFor(shop, shopEmail, /Votre demande d'inscription/));
  await signInByEmail(shop, shopEmail);
  await shop.getByRole("button", { name: "Accepter et rejoindre l'équipe" }).click();
  await expect(shop).toHaveURL(/\/dashboard\//);
  await shop.getByRole("link", { name: "Produits" }).click();
  await shop.getByRole("link", { name: "Nouveau produit" }).click();
  await shop.getByLabel("Nom", { exact: true }).fill("Angélique confite du Marais");
  await shop.getByLabel(/Prix TTC/).fill("6,50");
  await shop.getByLabel("Stock", { exact: true }).fill("12");
  await shop.getByRole("button", { name: "Enregistrer" }).click();
  await expect(shop.getByTestId("product-row").filter({ hasText: "Angélique confite du Marais" })).toBeVisible();
  await shop.getByRole("link", { name: "Retraits" }).click();
  await expect(shop.getByTestId("suggested-hours")).toContainText("Horaires proposés par Niort Agglo");
  await shop.getByRole("button", { name: new RegExp(`Enregistrer les horaires de ${shopName}`) }).click();
  await expect(shop.getByText("Horaires enregistrés.")).toBeVisible();

  await admin.goto("/admin/commerces");
  await admin.getByRole("button", { name: `Publier ${shopName}` }).click();
  await expect(admin.getByTestId("admin-shop").filter({ hasText: shopName })).toContainText("En ligne");

  // 7. Before opening: the public gets a 404, the admin previews the town as residents will see it.
  const resident = await (await browser.newContext()).newPage();
  expect((await resident.goto("/niort"))?.status()).toBe(404);
  await admin.goto("/admin/ouverture");
  await expect(admin.getByTestId("opening-progress")).toHaveText("7 étapes faites sur 9");
  await admin.getByRole("button", { name: "Voir l’aperçu de Niort Agglo" }).click();
  await expect(admin).toHaveURL(/\/niort$/);
  await expect(admin.getByTestId("preview-banner")).toBeVisible();
  await expect(admin.getByRole("heading", { name: shopName })).toBeVisible();
  await expect(admin.getByText("Les commerces de Niort et du Marais poitevin")).toBeVisible();
  await expectNoAccessibilityViolations(admin);
  await admin.getByRole("link", { name: "Mentions légales" }).click();
  await expect(admin.getByTestId("legal-publisher")).toHaveText("Mairie de Niort, 1 place Martin Bastard, 79000 Niort");

  // 8. The admin opens the town.
  await admin.goto("/admin/ouverture");
  await admin.getByRole("button", { name: "Ouvrir Niort Agglo au public" }).click();
  // The page now says the town is open (the opening section is gone with the status).
  await expect(admin.getByText(/Niort Agglo est ouverte au public/)).toBeVisible();

  // 9. A resident orders from the new town, in its colours, without the preview banner.
  await expect(async () => {
    expect((await resident.goto("/niort"))?.status()).toBe(200);
  }).toPass({ timeout: 15_000 });
  await expect(resident.getByTestId("preview-banner")).toHaveCount(0);
  await expect(resident.getByTestId("town-contact")).toContainText("commerces@niort.example.fr");
  await expect(resident.getByRole("button", { name: "Rechercher" })).toHaveCSS("background-color", "rgb(11, 79, 138)");
  await expect(resident.getByRole("banner").locator('img[src^="/api/media/territories/"]')).toBeVisible();
  await expectNoAccessibilityViolations(resident);
  await resident.getByRole("link", { name: shopName }).first().click();
  const card = resident.getByTestId("product-card").filter({ hasText: "Angélique confite du Marais" });
  await card.getByRole("button", { name: "Ajouter au panier : Angélique confite du Marais" }).click();
  await expect(card.getByRole("status")).toContainText("Ajouté au panier");
  await resident.goto("/niort/panier");
  await resident.getByRole("link", { name: "Choisir le retrait et commander" }).click();
  const block = resident.getByRole("group", { name: shopName });
  await block.getByRole("radio", { name: /Au magasin/ }).check();
  const options = block.getByRole("combobox", { name: "Créneau de retrait" }).locator("option:not([disabled])");
  await block.getByRole("combobox", { name: "Créneau de retrait" }).selectOption((await options.nth((await options.count()) > 1 ? 1 : 0).getAttribute("value")) ?? "");
  await resident.getByLabel("Nom et prénom").fill("Léa Niortaise");
  await resident.getByLabel("Adresse e-mail").fill(uniqueEmail("habitante-niort"));
  await resident.getByLabel("Téléphone").fill("06 98 76 54 32");
  await resident.getByRole("button", { name: "Confirmer la commande" }).click();
  await expect(resident.getByRole("heading", { level: 1, name: "Merci, votre commande est confirmée" })).toBeVisible();
  await resident.goto("/villes");
  await expect(resident.getByTestId("towns")).toContainText("Niort Agglo");
});
