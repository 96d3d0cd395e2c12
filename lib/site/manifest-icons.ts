/** The home-screen icons (public/, made by scripts/make-icons.ts from app/icon.svg). */
export const MANIFEST_ICONS: { src: string; sizes: string; type: string; purpose?: "any" | "maskable" }[] = [
  { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
  { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
  { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];
