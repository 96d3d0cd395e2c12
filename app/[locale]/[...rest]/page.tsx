import { notFound } from "next/navigation";

/** Any address no page answers: the localized 404 (app/[locale]/not-found.tsx) inside the site's layout. */
export default function UnknownPage() {
  notFound();
}
