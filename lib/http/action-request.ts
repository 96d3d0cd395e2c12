/**
 * Server actions are POSTed by React with a body of its own format. Next.js
 * decodes that body before our code runs and answers 500 when it is not what
 * React writes (not JSON, a broken multipart, a reference to a part that was never
 * sent). This checks the shape first, so a malformed call gets a 400 instead.
 * What our actions receive is still validated by each action (formFields, zod).
 */

/**
 * React's encodings that our actions can legitimately receive: escaped strings,
 * undefined, numbers, forms — and dates, which come back inside a form's previous
 * state (a refusal listing the orders a closure hits, with their slots).
 */
const ALLOWED_REFERENCE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|K[0-9a-f]{1,6}$|D[-+]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$)/;
const MAX_DEPTH = 32;
/** Our actions take at most four arguments; React refuses long lists with a 500. */
const MAX_ARGUMENTS = 8;

/**
 * React refuses (with a 500) argument lists whose arrays hold more than a million slots
 * in all ("Maximum array nesting exceeded"); our actions take a few hundred at most.
 */
const MAX_ARRAY_SLOTS = 50_000;
/** The arguments of a call, as text: forms and files travel as multipart parts of their own */
const MAX_ARGUMENTS_BYTES = 1_000_000;

function referencesAreSafe(value: unknown, budget: { slots: number }, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === "string") return !value.startsWith("$") || ALLOWED_REFERENCE.test(value);
  if (Array.isArray(value)) {
    budget.slots += value.length + 1;
    return budget.slots <= MAX_ARRAY_SLOTS && value.every((item) => referencesAreSafe(item, budget, depth + 1));
  }
  if (value && typeof value === "object") return Object.entries(value).every(([key, item]) => !key.startsWith("$") && referencesAreSafe(item, budget, depth + 1));
  return true;
}

/** The argument list of an action call, as React encodes it (a JSON array). */
export function isWellFormedArguments(json: string): boolean {
  if (json.length > MAX_ARGUMENTS_BYTES) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && parsed.length <= MAX_ARGUMENTS && referencesAreSafe(parsed, { slots: 0 });
}

/** True when the POST body of a server action call is in a shape Next.js can decode. */
export async function isWellFormedActionRequest(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return false;
    }
    const args = form.get("0");
    if (args === null) return true; // a form posted without JavaScript: Next reads its $ACTION_ fields
    return typeof args === "string" && isWellFormedArguments(args);
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return true;
  return isWellFormedArguments(await request.clone().text());
}
