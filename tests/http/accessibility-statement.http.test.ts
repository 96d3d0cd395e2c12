import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityAudit, auditRows } from "@/lib/accessibility/audit";
import { startApp, type AppServer } from "@/tests/helpers/app-server";

/**
 * The town's accessibility statement (issue #12): the RGAA structure, the status
 * the law asks for without an audit, the automated results the suite measured
 * (lib/accessibility/audit-results.json), the town's contact and phone ordering,
 * and the Défenseur des droits.
 */
let app: AppServer;

beforeAll(async () => {
  app = await startApp({ env: { WORKER: "false" } });
}, 180_000);
afterAll(async () => {
  await app?.stop();
});

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

describe("the accessibility statement", () => {
  it("follows the RGAA structure with the town's contact, the measured results and the recourse", async () => {
    const response = await fetch(`${app.url}/accessibilite`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const page = text(html);
    for (const heading of ["État de conformité", "Résultats des tests", "Contenus non accessibles", "Établissement de cette déclaration", "Retour d’information et contact", "Voies de recours"]) {
      expect(page, heading).toContain(heading);
    }
    expect(page).toContain("Le site est non conforme avec le RGAA 4.1.");
    expect(page).toContain("Grand Poitiers s’engage");
    expect(html).toContain('href="tel:0549523535"');
    expect(page).toContain("un opérateur de la ville passe la commande pour vous");
    expect(page).toContain("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
    // Every page the suite measured is in the table, with its counts.
    const rows = auditRows(accessibilityAudit());
    expect((html.match(/<th scope="row"/g) ?? []).length).toBe(rows.length);
    for (const row of rows) expect(html).toContain(`>${row.page.replaceAll("&", "&amp;")}</th>`);
    // The footer says the same status, on every page.
    expect(text(await (await fetch(`${app.url}/`)).text())).toContain("Accessibilité : non conforme");
  });
});
