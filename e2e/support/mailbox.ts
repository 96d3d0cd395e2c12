import { expect, type Page } from "@playwright/test";

/** Opens the dev mailbox filtered on one recipient and returns the newest email's first link. */
export async function latestLinkFor(page: Page, email: string, subject: RegExp): Promise<string> {
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const message = page.getByTestId("mailbox-email").filter({ has: page.getByRole("heading", { name: subject }) }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link").first().getAttribute("href");
  expect(href, "the email contains a link").toBeTruthy();
  return href ?? "";
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.fr`;
}

/** Reloads the dev mailbox until an email matching `subject` reaches `email` (emails sent by jobs arrive a moment later). */
export async function waitForEmail(page: Page, email: string, subject: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    const message = page.getByTestId("mailbox-email").filter({ has: page.getByRole("heading", { name: subject }) }).first();
    if (await message.isVisible()) return (await message.textContent()) ?? "";
    if (Date.now() > deadline) throw new Error(`No email matching ${subject} reached ${email}`);
    await page.waitForTimeout(500);
  }
}
