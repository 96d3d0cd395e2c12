import { describe, expect, it } from "vitest";
import { signInEmail } from "./sign-in-email";

describe("the sign-in email", () => {
  it("is in French only, with the link in both parts and its lifetime", () => {
    const email = signInEmail("https://comptoir.example/api/auth/callback/email?token=a&b=c", 15);
    expect(email.text).toContain("https://comptoir.example/api/auth/callback/email?token=a&b=c");
    expect(email.html).toContain('href="https://comptoir.example/api/auth/callback/email?token=a&amp;b=c"');
    expect(email.text).toContain("15 minutes");
    expect(`${email.text}${email.html}`).not.toMatch(/Sign in|expires|lang="en"/);
  });
});
