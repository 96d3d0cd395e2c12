/**
 * A secret with its last character changed — always changed: appending a fixed
 * "x" left a token that already ended in "x" untouched (1 run in 64 went green
 * for the wrong reason, or red on a move that should have been refused).
 */
export function tampered(secret: string): string {
  const last = secret.at(-1);
  return `${secret.slice(0, -1)}${last === "x" ? "y" : "x"}`;
}
