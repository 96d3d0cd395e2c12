/**
 * A tiny cookie-keeping HTTP client for tests over real HTTP: what a browser
 * would send, without a browser. Redirects are not followed, so tests see them.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async fetch(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...Object.fromEntries(new Headers(init.headers).entries()) });
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Posts a urlencoded form, as an HTML form would. */
  postForm(pathOrUrl: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(pathOrUrl, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() });
  }

  async csrfToken(): Promise<string> {
    const response = await this.fetch("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  /** Asks for an email sign-in link, as the sign-in page does. */
  async requestSignInLink(email: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.postForm("/api/auth/signin/email", { email, csrfToken: await this.csrfToken(), callbackUrl: this.baseUrl, json: "true" }, headers);
  }

  /** Signs in with a password, as the staff sign-in form does. */
  async signInWithPassword(email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.postForm("/api/auth/callback/password", { email, password, csrfToken: await this.csrfToken(), callbackUrl: this.baseUrl, json: "true" }, headers);
  }

  get sessionToken(): string | undefined {
    return this.cookie("next-auth.session-token") ?? this.cookie("__Secure-next-auth.session-token");
  }
}
