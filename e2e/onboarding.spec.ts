import { expect, test } from "./support/test";
import { expectNoAccessibilityViolations } from "./support/axe";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";
import { signInWithPassword } from "./support/session";

test("an applicant applies, the admin approves, the new owner sets up products and slots, the admin publishes, the shop goes live", async ({ browser }) => {
  const applicant = await (await browser.newContext()).newPage();
  const email = uniqueEmail("gerant");
  const shopName = `Atelier Céramique ${Date.now() % 100000}`;
  await applicant.goto("/");
  await applicant.getByRole("link", { name: "Vous êtes commerçant ?" }).click();
  await expect(applicant.getByLabel("Nom du commerce")).toBeVisible();
  await expectNoAccessibilityViolations(applicant);
  await applicant.getByLabel("Nom du commerce").fill(shopName);
  await applicant.getByLabel("Numéro SIRET (14 chiffres)").fill("732 829 320 00075");
  await applicant.getByLabel("Catégorie").selectOption({ label: "Culture" });
  await applicant.getByLabel("Commune").selectOption({ label: "Poitiers (86000)" });
  await applicant.getByLabel("Adresse", { exact: true }).fill("8 rue de la Chaîne");
  await applicant.getByLabel("Code postal").fill("86000");
  await applicant.getByLabel("Votre nom").fill("Hélène Potier");
  await applicant.getByLabel("Votre téléphone").fill("06 11 22 33 44");
  await applicant.getByLabel("Votre e-mail").fill(email);
  await applicant.getByLabel("Ce que vous vendez").fill("Céramiques tournées à la main, cours de poterie.");
  await applicant.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(applicant.getByText("Numéro SIRET invalide")).toBeVisible();
  await applicant.getByLabel("Numéro SIRET (14 chiffres)").fill("732 829 320 00074");
  await applicant.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(applicant.getByTestId("application-status")).toHaveText("Reçue, en cours d'étude");

  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, "admin@comptoir.local");
  await admin.goto("/admin");
  await expectNoAccessibilityViolations(admin);
  await admin.getByRole("link", { name: `Examiner la demande de ${shopName}` }).click();
  await expect(admin.getByRole("button", { name: "Accepter et inviter le gérant" })).toBeVisible();
  await expectNoAccessibilityViolations(admin);
  await admin.getByRole("button", { name: "Accepter et inviter le gérant" }).click();
  await expect(admin.getByText("Acceptée : consultez l'e-mail d'invitation")).toBeVisible();

  // The new owner follows the invitation, signs in with the invited address, and sets the shop up.
  const invitation = await latestLinkFor(applicant, email, /Votre demande d'inscription/);
  await applicant.goto(invitation);
  await applicant.getByRole("main").getByRole("link", { name: "Se connecter" }).click();
  await applicant.getByLabel("Adresse e-mail").first().fill(email);
  await applicant.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(applicant.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();
  await applicant.goto(await latestLinkFor(applicant, email, /lien de connexion/));
  await applicant.getByRole("button", { name: "Accepter et rejoindre l'équipe" }).click();
  await expect(applicant).toHaveURL(/\/dashboard\//);
  await expect(applicant.getByRole("heading", { level: 1, name: new RegExp(`Commandes du jour et à venir — ${shopName}`) })).toBeVisible();

  await applicant.getByRole("link", { name: "Produits" }).click();
  await applicant.getByRole("link", { name: "Nouveau produit" }).click();
  await applicant.getByLabel("Nom", { exact: true }).fill("Bol en grès");
  await applicant.getByLabel(/Prix TTC/).fill("24");
  await applicant.getByLabel("Stock", { exact: true }).fill("8");
  await applicant.getByRole("button", { name: "Enregistrer" }).click();
  await expect(applicant.getByTestId("product-row").filter({ hasText: "Bol en grès" })).toBeVisible();
  await applicant.getByRole("link", { name: "Retraits" }).click();
  await applicant.getByRole("button", { name: "Ajouter une plage" }).first().click();
  await applicant.getByRole("button", { name: new RegExp(`Enregistrer les horaires de ${shopName}`) }).click();
  await expect(applicant.getByText("Horaires enregistrés.")).toBeVisible();

  await admin.goto("/admin/commerces");
  await expectNoAccessibilityViolations(admin);
  await admin.getByRole("button", { name: `Publier ${shopName}` }).click();
  await expect(admin.getByTestId("admin-shop").filter({ hasText: shopName })).toContainText("En ligne");
  await admin.goto("/admin/journal");
  await expect(admin.getByRole("cell", { name: /shop.publish/ })).toBeVisible();
  await expectNoAccessibilityViolations(admin);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/?categorie=culture");
  await expect(visitor.getByRole("heading", { name: shopName })).toBeVisible();

  // Suspension takes it off the storefront at once.
  await admin.goto("/admin/commerces");
  const card = admin.getByTestId("admin-shop").filter({ hasText: shopName });
  await card.getByText(`Suspendre ${shopName}…`).click();
  await card.getByLabel("Motif (envoyé au gérant)").fill("Dossier incomplet");
  await card.getByRole("button", { name: "Suspendre le commerce" }).click();
  await expect(card).toContainText("Suspendu");
  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: shopName })).toHaveCount(0);
});

test("customers and shopkeepers get 404 on the admin console", async ({ page }) => {
  expect((await page.goto("/admin"))?.status()).toBe(200); // redirected to sign-in
  await expect(page).toHaveURL(/\/connexion/);
  await signInWithPassword(page, "boulangerie@comptoir.local");
  expect((await page.goto("/admin"))?.status()).toBe(404);
  expect((await page.goto("/admin/commerces"))?.status()).toBe(404);
});

test("the admin manages relay points and categories (axe on both pages)", async ({ page }) => {
  await signInWithPassword(page, "admin@comptoir.local");
  await page.goto("/admin/points-relais");
  await expectNoAccessibilityViolations(page);
  const townHall = page.locator("details").filter({ hasText: "Hôtel de Ville" });
  await townHall.locator("summary").click();
  await townHall.getByLabel("Capacité par créneau (vide = sans limite propre)").fill("10");
  await townHall.getByRole("button", { name: /Enregistrer Hôtel de Ville/ }).click();
  await expect(townHall.getByText("Enregistré.")).toBeVisible();

  await page.getByRole("link", { name: "Catégories" }).click();
  await expect(page.getByLabel("Nom en français")).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Nom en français").fill("Mode et beauté");
  await page.getByLabel("Nom en anglais").fill("Fashion and beauty");
  await page.getByRole("button", { name: "Ajouter la catégorie" }).click();
  await expect(page.getByTestId("category-list")).toContainText("Mode et beauté");
  await page.goto("/");
  await expect(page.getByTestId("category-mode-et-beaute")).toContainText("aucun commerce");
});

test("a super-admin opens a new territory; admins add communes (axe on both pages)", async ({ page }) => {
  await signInWithPassword(page, "superadmin@comptoir.local");
  await page.goto("/admin/territoires");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Identifiant (ex. la-rochelle)").fill("la-rochelle");
  await page.getByLabel("Nom", { exact: true }).fill("La Rochelle");
  await page.getByLabel(/Communes, une par ligne/).fill("La Rochelle;17000\nAytré;17440");
  await page.getByLabel(/E-mails des administrateurs/).fill("mairie@la-rochelle.example.fr");
  await page.getByRole("button", { name: "Créer le territoire" }).click();
  await expect(page.getByTestId("territory-row").filter({ hasText: "La Rochelle" })).toContainText("En préparation");
  await page.getByRole("button", { name: "Ouvrir La Rochelle au public" }).click();
  await expect(page.getByTestId("territory-row").filter({ hasText: "La Rochelle" })).toContainText("Ouvert");
  // Its own address: listed at once on this page, and the town's platform address now sends visitors there.
  const laRochelle = page.getByTestId("territory-row").filter({ hasText: "La Rochelle" });
  await laRochelle.getByLabel("Nouvelle adresse de La Rochelle").fill("Commerces.La-Rochelle.example.fr");
  await laRochelle.getByRole("button", { name: "Ajouter l'adresse" }).click();
  await expect(laRochelle.getByTestId("territory-domains")).toContainText("commerces.la-rochelle.example.fr");
  const moved = await page.request.get("/la-rochelle/commerces", { maxRedirects: 0 });
  expect(moved.status()).toBe(308);
  expect(moved.headers()["location"]).toBe("https://commerces.la-rochelle.example.fr/commerces");
  await laRochelle.getByRole("button", { name: "Retirer commerces.la-rochelle.example.fr" }).click();
  await expect(laRochelle.getByTestId("territory-domains")).not.toContainText("commerces.la-rochelle.example.fr");

  await page.goto("/admin/communes");
  await expectNoAccessibilityViolations(page);
  await page.getByLabel("Nom", { exact: true }).fill("Fontaine-le-Comte");
  await page.getByLabel("Code postal").fill("86240");
  await page.getByRole("button", { name: "Ajouter" }).click();
  await expect(page.getByTestId("commune-list")).toContainText("Fontaine-le-Comte (86240)");
});

test("the admin reads the platform figures and can export them (axe)", async ({ page }) => {
  await signInWithPassword(page, "admin@comptoir.local");
  await page.goto("/admin/chiffres");
  await expect(page.getByRole("heading", { level: 1, name: /Le commerce local sur Comptoir/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Graphique : commandes par jour/ })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const response = await page.request.get("/api/admin/chiffres");
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain("commerces_par_categorie");
});

test("the admin follows outgoing emails and the job queue (axe)", async ({ page }) => {
  await signInWithPassword(page, "admin@comptoir.local");
  await page.goto("/admin");
  await page.getByRole("link", { name: "E-mails" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E-mails" })).toBeVisible();
  await expect(page.getByTestId("queue-counts")).toContainText("en échec");
  await expect(page.getByTestId("outgoing-email").first()).toBeVisible();
  await page.getByRole("link", { name: "Envoyé", exact: true }).click();
  await expect(page).toHaveURL(/statut=SENT/);
  await expectNoAccessibilityViolations(page);
});
