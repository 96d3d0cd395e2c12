/** "Épicerie du Clain" → "epicerie-du-clain" (accents dropped, at most `max` characters). */
export function slugify(name: string, max = 60): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, max)
    .replace(/-$/, "");
}
