import { notFound } from "next/navigation";

/** Any address of a town that no page answers: the 404 inside the town's frame ([territory]/not-found.tsx; the town check is in (storefront)/layout.tsx). */
export default function UnknownPage() {
  notFound();
}
