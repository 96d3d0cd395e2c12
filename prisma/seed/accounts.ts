/** Demo accounts. Staff sign in with the password; everyone can use an email link. */
export const DEMO_PASSWORD = "comptoir-demo";

export const DEMO_ACCOUNTS = {
  customer: { email: "client@comptoir.local", name: "Camille Martin", phone: "06 12 34 56 78", password: false },
  boulangerie: { email: "boulangerie@comptoir.local", name: "Julien Bernard", phone: "05 49 41 12 34", password: true },
  librairie: { email: "librairie@comptoir.local", name: "Claire Dubois", phone: "05 49 41 16 78", password: true },
  fromagerie: { email: "fromagerie@comptoir.local", name: "Sophie Moreau", phone: "05 49 88 20 17", password: true },
  primeur: { email: "primeur@comptoir.local", name: "Marc Girard", phone: "05 49 57 33 02", password: true },
  admin: { email: "admin@comptoir.local", name: "Nadia Lefèvre (mairie)", phone: "05 49 52 35 35", password: true },
  operator: { email: "operateur@comptoir.local", name: "Thomas Petit (ligne téléphonique)", phone: "05 49 52 35 00", password: true },
  superAdmin: { email: "superadmin@comptoir.local", name: "Équipe Comptoir", phone: null, password: true },
} as const;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
