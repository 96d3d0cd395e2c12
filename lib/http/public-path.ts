/** One path segment as the statement shows it: ids and secret tokens (invitation links) replaced. */
function segmentName(segment: string): string {
  if (/^c[a-z0-9]{20,}$/.test(segment)) return ":id";
  if (/^[A-Za-z0-9_-]{20,}$/.test(segment) && /[A-Z_0-9]/.test(segment) && !/^[a-z0-9]+(-[a-z0-9]+)+$/.test(segment)) return ":jeton";
  return segment;
}

/** A query value as the statement shows it: ids and days replaced, so one kind of page is one row whatever the run. */
function queryValueName(value: string): string {
  if (/^c[a-z0-9]{20,}$/.test(value)) return ":id";
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return ":jour";
  return encodeURIComponent(value);
}

/** "/commandes/cmh3…?t=…" → "/commandes/:id", "/invitation/Zx…" → "/invitation/:jeton": one row per kind of page, no secrets. */
export function publicPath(url: string): string {
  const parsed = new URL(url);
  const pathName = parsed.pathname.split("/").map(segmentName).join("/") || "/";
  for (const secret of ["t", "s", "token", "jeton"]) parsed.searchParams.delete(secret);
  const query = [...parsed.searchParams].filter(([, value]) => value !== "").map(([key, value]) => `${encodeURIComponent(key)}=${queryValueName(value)}`).join("&");
  return query ? `${pathName}?${query}` : pathName;
}

/** The accessibility statement names its pages the same way. */
export const auditPageName = publicPath;
