import { DEFAULT_CATEGORIES } from "@/lib/catalog/default-categories";

/** Demo territory: Grand Poitiers, its communes, categories and relay points. */
export const GRAND_POITIERS = {
  slug: "grand-poitiers",
  name: "Grand Poitiers",
  description: "Les commerces de Grand Poitiers, à retirer à la porte du magasin ou dans un point relais.",
  // Its identity (issue #12): footer, emails, legal notice and accessibility statement carry it.
  contactEmail: "commerces@grandpoitiers.example.fr",
  contactPhone: "05 49 52 35 35",
  contactAddress: "Hôtel de Ville, place du Maréchal Leclerc, 86000 Poitiers",
  legalPublisher: "Communauté urbaine de Grand Poitiers, 84 rue des Carmes, 86000 Poitiers",
  publicationDirector: "La présidente de Grand Poitiers",
};

export const NIORT = { slug: "niort", name: "Niort Agglo", description: "Ouverture prochaine." };

export const COMMUNES = [
  { name: "Poitiers", postalCode: "86000", inseeCode: "86194" },
  { name: "Buxerolles", postalCode: "86180", inseeCode: "86041" },
  { name: "Chasseneuil-du-Poitou", postalCode: "86360", inseeCode: "86062" },
  { name: "Saint-Benoît", postalCode: "86280", inseeCode: "86214" },
  { name: "Migné-Auxances", postalCode: "86440", inseeCode: "86158" },
  { name: "Vouneuil-sous-Biard", postalCode: "86580", inseeCode: "86297" },
  // Rural communes of the urban community, where delivery matters most.
  { name: "Ligugé", postalCode: "86240", inseeCode: "86133" },
  { name: "Lavoux", postalCode: "86800", inseeCode: "86128" },
] as const;

export type CommuneName = (typeof COMMUNES)[number]["name"];

export const CATEGORIES = DEFAULT_CATEGORIES;

export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

const weekdayHours = (days: number[], opens: string, closes: string) => days.map((weekday) => ({ weekday, opens, closes }));

export const RELAY_POINTS = [
  {
    key: "mairie",
    name: "Hôtel de Ville de Poitiers — accueil",
    addressLine: "Place du Maréchal Leclerc",
    postalCode: "86000",
    city: "Poitiers",
    latitude: 46.5802,
    longitude: 0.3404,
    instructions: "Accueil du rez-de-chaussée, guichet « Retraits Comptoir ».",
    openingHours: weekdayHours([1, 2, 3, 4, 5], "08:30", "17:30"),
    weekdays: [1, 2, 3, 4, 5],
    opensAtMinute: 9 * 60,
    closesAtMinute: 17 * 60,
    capacityPerSlot: 6,
  },
  {
    key: "office-tourisme",
    name: "Office de tourisme de Grand Poitiers",
    addressLine: "45 place Charles de Gaulle",
    postalCode: "86000",
    city: "Poitiers",
    latitude: 46.5839,
    longitude: 0.3458,
    instructions: "Comptoir d'accueil, à gauche en entrant.",
    openingHours: weekdayHours([2, 3, 4, 5, 6], "10:00", "18:00"),
    weekdays: [2, 3, 4, 5, 6],
    opensAtMinute: 10 * 60,
    closesAtMinute: 18 * 60,
    capacityPerSlot: 8,
  },
] as const;

export type RelayKey = (typeof RELAY_POINTS)[number]["key"];
