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
  });
});
