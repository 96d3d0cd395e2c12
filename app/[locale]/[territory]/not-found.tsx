import { NotFoundContent } from "@/components/errors/NotFoundContent";

/** A page the town does not have: the 404 inside the town's frame (its layout). */
export default function TerritoryNotFound() {
  return <NotFoundContent />;
}
