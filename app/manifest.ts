import type { MetadataRoute } from "next";
import { MANIFEST_ICONS } from "@/lib/site/manifest-icons";

/** The storefront as an app on a phone's home screen (the dashboard has its own, /dashboard.webmanifest). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Comptoir — vos commerces de proximité",
    short_name: "Comptoir",
    description: "Commandez chez les commerces de votre ville et retirez en boutique ou en point relais.",
    lang: "fr",
    start_url: "/",
    display: "standalone",
    background_color: "#fbfaf7",
    theme_color: "#1d6b3c",
    icons: MANIFEST_ICONS,
    shortcuts: [
      { name: "Mes commandes", url: "/compte/commandes" },
      { name: "Mon commerce", url: "/dashboard" },
    ],
  };
}
