import { readFileSync } from "node:fs";
import path from "node:path";

export type ServerAction = { id: string; name: string; file: string; pagePath: string };

/** "app/(storefront)/boutiques/[slug]/page" → "/boutiques/[slug]" */
export function routeOfEntry(entry: string): string {
  const route = entry
    .replace(/^app/, "")
    .replace(/\/(page|route)$/, "")
    .split("/")
    .filter((part) => part && !/^\(.*\)$/.test(part))
    .join("/");
  return `/${route}`;
}

/** Every server action of the last build, with a page that hosts it. */
export function listServerActions(dir = ".next"): ServerAction[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => ({
    id,
    name: action.exportedName,
    file: action.filename,
    pagePath: routeOfEntry(Object.keys(action.workers)[0] ?? "app/page"),
  }));
}

/** Every page and route handler of the last build ("/boutiques/[slug]", "/api/health"…). */
export function listRoutes(dir = ".next"): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  return Object.values(manifest).filter((route) => !route.startsWith("/_"));
}

/** Fills a route's dynamic segments ("[slug]", "[...key]") from `values`, or with `fallback`. */
export function fillRoute(route: string, values: Record<string, string>, fallback: string): string {
  return route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest: string | undefined, name: string) => values[name] ?? fallback);
}

/**
 * The body React sends for an action called with (previousState, formData): the
 * form's entries under "_1_", then the arguments in "0" referring to it as "$K1".
 */
export function actionFormBody(fields: [string, string | Blob][], args = '[{},"$K1"]'): FormData {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  body.append("0", args);
  return body;
}

/** Where a successful checkout action tells the browser to go next (its `{ ok: true, data: { next } }` in the RSC answer), or "". */
export function checkoutNext(actionResponseBody: string): string {
  const match = /"ok":true,"data":\{"next":"([^"]+)"\}/.exec(actionResponseBody);
  return match?.[1] ?? "";
}
