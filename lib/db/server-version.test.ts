import { describe, expect, it } from "vitest";
import { postgresSupportProblem } from "./server-version";

describe("the oldest PostgreSQL supported (issue #25)", () => {
  it("accepts 15 and newer, and refuses 14 with one sentence naming both versions", () => {
    expect(postgresSupportProblem({ versionNum: 150018, version: "15.18 (Debian 15.18-0+deb12u1)" })).toBeNull();
    expect(postgresSupportProblem({ versionNum: 180004, version: "18.4" })).toBeNull();
    const problem = postgresSupportProblem({ versionNum: 140013, version: "14.13" });
    expect(problem).toBe("Comptoir needs PostgreSQL 15 or newer; the server at DATABASE_URL runs PostgreSQL 14.13.");
  });
});
