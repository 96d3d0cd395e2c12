import { expect, test } from "./support/test";
import { latestLinkFor, uniqueEmail } from "./support/mailbox";

test.describe("sign-in", () => {
  test("a new customer signs in with the link from the dev mailbox; the link then stops working", async ({ page, browser }) => {
    const email = uniqueEmail("camille");
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").first().fill(email);
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(page.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();

    const link = await latestLinkFor(page, email, /lien de connexion/);
    await page.goto(link);
    await expect(page).toHaveURL(/\/compte$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`Connecté en tant que ${email}`);
    await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeVisible();

    // Someone else opening the same link later gets a clear page and no session.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(link);
    await expect(otherPage.getByRole("heading", { name: "Connexion impossible" })).toBeVisible();
    await expect(otherPage.getByRole("main").getByRole("alert")).toContainText("déjà été utilisé ou a expiré");
    await otherPage.goto("/compte");
    await expect(otherPage).toHaveURL(/\/connexion/);
    await other.close();
  });

  test("a shopkeeper signs in with a password; a wrong password is refused", async ({ page }) => {
    await page.goto("/connexion");
    const staff = page.getByRole("region", { name: "Espace commerçants et équipes" });
    await staff.getByLabel("Adresse e-mail").fill("boulangerie@comptoir.local");
    await staff.getByLabel("Mot de passe").fill("pas-le-bon");
    await staff.getByRole("button", { name: "Se connecter" }).click();
    await expect(staff.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");

    await staff.getByLabel("Mot de passe").fill("comptoir-demo");
    await staff.getByRole("button", { name: "Se connecter" }).click();
    // A shopkeeper lands on the day's orders, not on "my account".
    await expect(page).toHaveURL(/\/dashboard\//);
    await expect(page.getByRole("heading", { level: 1, name: /Commandes du jour et à venir — Boulangerie du Marché/ })).toBeVisible();
    await page.goto("/compte");
    await expect(page.getByText("Boulangerie du Marché (gérant)")).toBeVisible();
    // With the staff links in the header, the search box keeps a usable width on a tablet.
    await page.setViewportSize({ width: 800, height: 900 });
    const searchWidth = (await page.getByRole("searchbox", { name: "Rechercher un commerce ou un produit" }).boundingBox())?.width ?? 0;
    expect(searchWidth).toBeGreaterThan(160);

    await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  });

  test("after five wrong passwords on an address the form says to wait", async ({ page }) => {
    await page.goto("/connexion");
    const staff = page.getByRole("region", { name: "Espace commerçants et équipes" });
    await staff.getByLabel("Adresse e-mail").fill(uniqueEmail("guess"));
    for (let i = 0; i < 5; i++) {
      await staff.getByLabel("Mot de passe").fill(`faux-${i}`);
      await staff.getByRole("button", { name: "Se connecter" }).click();
      await expect(staff.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
    }
    await staff.getByLabel("Mot de passe").fill("encore-un-essai");
    await staff.getByRole("button", { name: "Se connecter" }).click();
    await expect(staff.getByRole("alert")).toHaveText("Trop de tentatives. Patientez quelques minutes avant de réessayer.");
    await expect(page).toHaveURL(/\/connexion/);
  });

  test("a customer ends their session on every device at once", async ({ page, browser }) => {
    const email = uniqueEmail("lost-phone");
    const signIn = async (target: typeof page) => {
      await target.goto("/connexion");
      await target.getByLabel("Adresse e-mail").first().fill(email);
      await target.getByRole("button", { name: "Recevoir le lien" }).click();
      await expect(target.getByRole("heading", { name: "Vérifiez votre boîte mail" })).toBeVisible();
      await target.goto(await latestLinkFor(target, email, /lien de connexion/));
      await expect(target).toHaveURL(/\/compte$/);
    };
    const phone = await browser.newContext();
    const phonePage = await phone.newPage();
    await signIn(phonePage);
    await signIn(page);

    await page.getByRole("button", { name: "Fermer ma session sur tous les appareils" }).click();
    // The browser that asked is signed out and sent home once the sessions are ended.
    await expect(page).toHaveURL(/\/$/, { timeout: 20_000 });
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await expect(async () => {
      await phonePage.goto("/compte");
      await expect(phonePage).toHaveURL(/\/connexion/, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await phone.close();
  });

  test("an invalid email address gets a clear message and sends nothing", async ({ page }) => {
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").first().fill("pas-une-adresse");
    await page.getByRole("button", { name: "Recevoir le lien" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Saisissez une adresse e-mail valide");
    await expect(page).toHaveURL(/\/connexion$/);
  });
});
