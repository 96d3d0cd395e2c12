/**
 * Typed domain errors. Use cases throw them; the action wrapper and pages turn
 * them into translated messages (`code` is a key under "errors" in messages/*.json)
 * or a 404.
 */
export type DomainErrorCode =
  | "notFound"
  | "unauthenticated"
  | "forbidden"
  | "invalidInput"
  | "conflict"
  | "invalidCredentials"
  | "rateLimited";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Something does not exist — or exists but the actor may not know it does. */
export class NotFoundError extends DomainError {
  constructor(what = "resource") {
    super("notFound", `${what} not found`);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated", "sign-in required");
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
