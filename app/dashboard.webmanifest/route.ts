import { MANIFEST_ICONS } from "@/lib/site/manifest-icons";

/**
 * The shopkeeper's dashboard as its own app on a phone's home screen: it opens
 * on the day's orders and stays within /dashboard.
 */
export function GET() {
  const manifest = {
    name: "Comptoir — Mon commerce",
    short_name: "Mon commerce",
    description: "Les commandes du jour, à préparer et à remettre.",
    lang: "fr",
    id: "/dashboard",
    start_url: "/dashboard",
    scope: "/dashboard",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#1d6b3c",
    icons: MANIFEST_ICONS,
  };
  return new Response(JSON.stringify(manifest), { headers: { "Content-Type": "application/manifest+json; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
