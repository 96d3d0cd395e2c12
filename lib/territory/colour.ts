/**
 * A town's primary colour paints its buttons (white text on it) and its headings
 * and links (on the page's near-white background): WCAG 2.2 AA asks 4.5:1 for
 * normal text both ways, so a colour is accepted only when white on it reaches
 * that ratio (the page background, #fbfaf7, is close enough to white that the
 * same colour passes there too — checked below, not assumed).
 */
export const AA_NORMAL_TEXT = 4.5;
const PAGE_BACKGROUND = "#fbfaf7";

export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of "#rrggbb" (WCAG definition). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => channel(Number.parseInt(hex.slice(at, at + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** The lower of the two ratios that matter for the colour (white on it, it on the page). */
export function primaryColourContrast(hex: string): number {
  return Math.min(contrastRatio(hex, "#ffffff"), contrastRatio(hex, PAGE_BACKGROUND));
}

/** A darker shade for hover and headings: each channel scaled (keeps the hue). */
export function darken(hex: string, factor: number): string {
  const parts = [1, 3, 5].map((at) => Math.round(Number.parseInt(hex.slice(at, at + 2), 16) * factor));
  return `#${parts.map((p) => Math.max(0, Math.min(255, p)).toString(16).padStart(2, "0")).join("")}`;
}

/** A very light tint for backgrounds (mixed with white). */
export function tint(hex: string, amount: number): string {
  const parts = [1, 3, 5].map((at) => Math.round(255 - (255 - Number.parseInt(hex.slice(at, at + 2), 16)) * amount));
  return `#${parts.map((p) => p.toString(16).padStart(2, "0")).join("")}`;
}
