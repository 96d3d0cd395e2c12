import { describe, expect, it } from "vitest";
import { auditPageName } from "./public-path";

describe("paths as logs and the accessibility statement show them", () => {
  it("hides ids and secrets, keeps slugs and harmless queries", () => {
    expect(auditPageName("http://x/commandes/cmwx04yas001ixf7d4zk4wcc9?t=secret")).toBe("/commandes/:id");
    expect(auditPageName("http://x/invitation/equipe/aqnQ67OGQA6w7OlLabThjJ1ZKu5HE8Sv")).toBe("/invitation/equipe/:jeton");
    expect(auditPageName("http://x/inscription-commerce/suivi/Zx_9aaaaaaaaaaaaaaaaaaaa")).toBe("/inscription-commerce/suivi/:jeton");
    expect(auditPageName("http://x/boutiques/librairie-la-belle-aventure")).toBe("/boutiques/librairie-la-belle-aventure");
    expect(auditPageName("http://x/recherche?q=pain&jeton=abc")).toBe("/recherche?q=pain");
    expect(auditPageName("http://x/")).toBe("/");
    // Ids and days in the query too, and empty fields dropped: one row per kind of page, whatever the run.
    expect(auditPageName("http://x/telephone?commune=cmwxgrz4p0009et7d65zi11vk&adresse=")).toBe("/telephone?commune=:id");
    expect(auditPageName("http://x/dashboard/cmwxgrz4p0009et7d65zi11vk/tournees?jour=2026-11-27")).toBe("/dashboard/:id/tournees?jour=:jour");
    expect(auditPageName("http://x/connexion?callbackUrl=%2Fcompte%2Fcommandes")).toBe("/connexion?callbackUrl=%2Fcompte%2Fcommandes");
  });
});
