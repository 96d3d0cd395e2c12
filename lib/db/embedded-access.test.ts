import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertPostgresCanReach, EmbeddedAccessError, firstBlockedFolder } from "./embedded-access";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempTree(mode: number): { top: string; inner: string } {
  const top = mkdtempSync(path.join(os.tmpdir(), "comptoir-access-"));
  made.push(top);
  const inner = path.join(top, "project", "node_modules");
  mkdirSync(inner, { recursive: true });
  chmodSync(top, mode);
  return { top, inner };
}

describe("firstBlockedFolder", () => {
  it("finds a folder that other users cannot enter (a clone under a mode-700 folder)", () => {
    const { top, inner } = tempTree(0o700);
    expect(firstBlockedFolder(inner, null)).toBe(top);
    expect(firstBlockedFolder(path.join(inner, "not-yet-created"), null)).toBe(top);
  });

  it("lets through folders others may enter, and the account's own folders", () => {
    const { top, inner } = tempTree(0o755);
    expect(firstBlockedFolder(inner, null)).toBeNull();
    chmodSync(top, 0o700);
    const stat = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    expect(firstBlockedFolder(inner, stat)).toBeNull();
  });
});

describe("assertPostgresCanReach", () => {
  it("as root, stops with one sentence saying what to do", () => {
    const { top, inner } = tempTree(0o700);
    expect(() => assertPostgresCanReach([inner], 0)).toThrow(EmbeddedAccessError);
    expect(() => assertPostgresCanReach([inner], 0)).toThrow(`cannot enter ${top}: move the project to a folder other users can enter`);
  });

  it("checks nothing for a regular user (PostgreSQL then runs as that user)", () => {
    const { inner } = tempTree(0o700);
    expect(() => assertPostgresCanReach([inner], 1000)).not.toThrow();
  });
});
