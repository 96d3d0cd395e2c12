import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_HEAP_MB, serverNodeArgs, serverProcessEnv } from "./server-command";

describe("the production server's command", () => {
  it("bounds the JavaScript heap by default and runs scripts/server.ts through tsx", () => {
    expect(serverNodeArgs({})).toEqual([`--max-old-space-size=${DEFAULT_SERVER_HEAP_MB}`, "--import", "tsx", "scripts/server.ts"]);
  });

  it("takes the heap limit from SERVER_HEAP_MB, and 0 leaves V8 its own choice", () => {
    expect(serverNodeArgs({ SERVER_HEAP_MB: "512" })[0]).toBe("--max-old-space-size=512");
    expect(serverNodeArgs({ SERVER_HEAP_MB: "0" })).toEqual(["--import", "tsx", "scripts/server.ts"]);
    expect(serverNodeArgs({ SERVER_HEAP_MB: "lots" })).toEqual(["--import", "tsx", "scripts/server.ts"]);
  });

  it("limits malloc arenas unless the operator chose otherwise", () => {
    expect(serverProcessEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_ARENA_MAX: "2" });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: "8" }).MALLOC_ARENA_MAX).toBe("8");
  });
});
