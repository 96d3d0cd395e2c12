import { importTemplate } from "@/lib/catalog/import-products";

/** The import template: the columns and two example rows. */
export function GET() {
  return new Response(importTemplate(), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="modele-import-catalogue.csv"' } });
}
