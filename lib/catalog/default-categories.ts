/** The five categories every territory starts with (the 2020 click-and-collect sites' own). */
export const DEFAULT_CATEGORIES = [
  { slug: "sante", nameFr: "Santé", nameEn: "Health", icon: "heart-pulse" },
  { slug: "culture", nameFr: "Culture", nameEn: "Culture", icon: "book-open" },
  { slug: "alimentation", nameFr: "Alimentation", nameEn: "Food", icon: "croissant" },
  { slug: "services", nameFr: "Services", nameEn: "Services", icon: "wrench" },
  { slug: "jeux-et-jouets", nameFr: "Jeux et jouets", nameEn: "Games and toys", icon: "puzzle" },
] as const;
