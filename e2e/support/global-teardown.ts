import { recordScans } from "./a11y-scans";

export default function globalTeardown(): void {
  recordScans();
}
