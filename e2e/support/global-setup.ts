import { clearScans } from "./a11y-scans";

export default function globalSetup(): void {
  clearScans();
}
