import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { DoubleApi } from "./api";
import { parseStripeForm, text } from "./form";
import { checkoutPage, onboardingPage } from "./pages";
import { DoubleState, newId, StripeError, type StripeObject } from "./state";

/**
 * A local, stateful Stripe double for tests and the embedded demo (issue #10): the
 * endpoints Comptoir calls, honouring Idempotency-Key, a hosted checkout page and a
 * Connect onboarding page, signed webhooks sent to the app, and fault injection.
 * The stripe SDK talks to it through its host/port/protocol options.
 */
export type DoubleOptions = { port?: number; webhookUrl?: string; webhookSecret: string; publicUrl?: string; log?: (line: string) => void };

type Fault = { pattern: RegExp; mode: "error" | "timeout"; status: number; remaining: number };

export type StripeDouble = {
  url: string;
  port: number;
  state: DoubleState;
  api: DoubleApi;
  /** Fails the next `count` calls matching `path` (a star stands for one segment) with a 500, or never answers them */
  fail(path: string, options?: { count?: number; mode?: "error" | "timeout"; status?: number }): void;
  /** Webhooks: sent `copies` times each (concurrently), after `delayMs`; or not sent at all */
  webhooks(options: { copies?: number; delayMs?: number; paused?: boolean }): void;
  /** Events sent so far, oldest first, with the JSON payload delivered */
  events: { id: string; type: string; objectId: string; payload: string }[];
  /** Sends every event again, in a shuffled order and at once (replay tests) */
  replayAll(copies: number): Promise<void>;
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
};

const signer = new Stripe("sk_test_double_signer");

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

export async function startStripeDouble(options: DoubleOptions): Promise<StripeDouble> {
  const state = new DoubleState();
  const log = options.log ?? (() => {});
  let webhookUrl = options.webhookUrl ?? "";
  let publicUrl = options.publicUrl ?? "";
  const faults: Fault[] = [];
  let copies = 1;
  let delayMs = 0;
  let paused = false;
  const idempotent = new Map<string, { body: string; status: number; response: string }>();
  const sent: { id: string; type: string; objectId: string; payload: string }[] = [];

  async function deliver(payload: string, attempt = 1): Promise<void> {
    if (!webhookUrl) return;
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret });
    try {
      const response = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": header }, body: payload });
      if (response.ok || attempt >= 5) return;
    } catch {
      if (attempt >= 5) return;
    }
    // Like Stripe, retry an unacknowledged event with growing delays.
    setTimeout(() => void deliver(payload, attempt + 1), 250 * 2 ** attempt).unref();
  }

  const emit = (type: string, object: StripeObject) => {
    const event = { id: newId("evt"), object: "event", api_version: "2026-10-28.endive", created: state.now(), livemode: false, type, pending_webhooks: 1, request: { id: null }, data: { object: structuredClone(object) } };
    const payload = JSON.stringify(event);
    sent.push({ id: event.id, type, objectId: object.id, payload });
    log(`webhook ${type} ${object.id}`);
    if (paused) return;
    setTimeout(() => {
      for (let i = 0; i < copies; i++) void deliver(payload);
    }, delayMs).unref();
  };

  const api = new DoubleApi(state, () => publicUrl, emit);

  async function route(method: string, path: string, query: URLSearchParams, form: ReturnType<typeof parseStripeForm>): Promise<unknown> {
    const parts = path.split("/").filter(Boolean); // ["v1", "checkout", "sessions", id, "expire"]
    const [, resource, a, b, c] = parts;
    if (resource === "checkout" && a === "sessions") {
      if (method === "POST" && !b) return api.createSession(form);
      if (method === "GET" && b && !c) return api.session(b);
      if (method === "POST" && b && c === "expire") return api.expireSession(b);
    }
    if (resource === "payment_intents" && a) {
      if (method === "GET" && !b) return api.intentExpanded(a, query.getAll("expand[]").concat(query.getAll("expand[0]")));
      if (method === "POST" && b === "capture") return api.capture(a, form);
      if (method === "POST" && b === "cancel") return api.cancelIntent(a, text(form.cancellation_reason));
    }
    if (resource === "refunds" && method === "POST" && !a) return api.refund(form);
    if (resource === "refunds" && method === "GET" && !a) return api.listRefunds(query.get("payment_intent") ?? "");
    if (resource === "transfers") {
      if (method === "POST" && !a) return api.transfer(form);
      if (method === "POST" && a && b === "reversals") return api.reverse(a, form);
    }
    if (resource === "accounts") {
      if (method === "POST" && !a) return api.createAccount(form);
      if (method === "GET" && a) return api.account(a);
    }
    if (resource === "account_links" && method === "POST") return api.accountLink(form);
    if (resource === "disputes" && method === "GET" && a) return api.dispute(a);
    throw new StripeError(404, `Unrecognized request URL (${method}: ${path}). The Comptoir Stripe double implements only what Comptoir uses.`);
  }

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, url: URL, body: string): Promise<void> {
    if (!/^Bearer sk_(test|live)_/.test(request.headers.authorization ?? "")) throw new StripeError(401, "Invalid API Key provided", "invalid_request_error");
    const fault = faults.find((f) => f.remaining > 0 && f.pattern.test(url.pathname));
    if (fault) {
      fault.remaining--;
      if (fault.mode === "timeout") return; // never answers: the SDK times out and retries
      throw new StripeError(fault.status, "Injected failure (Stripe double)", "api_error");
    }
    const key = request.headers["idempotency-key"];
    const cacheKey = typeof key === "string" && request.method === "POST" ? `${url.pathname} ${key}` : null;
    const cached = cacheKey ? idempotent.get(cacheKey) : undefined;
    if (cached) {
      if (cached.body !== body) throw new StripeError(400, "Keys for idempotent requests can only be used with the same parameters they were first used with.", "idempotency_error");
      response.writeHead(cached.status, { "content-type": "application/json", "idempotent-replayed": "true" }).end(cached.response);
      return;
    }
    let status = 200;
    let payload: unknown;
    try {
      payload = await route(request.method ?? "GET", url.pathname, url.searchParams, parseStripeForm(request.method === "GET" ? url.search.slice(1) : body));
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      status = error.status;
      payload = error.body();
    }
    const serialized = JSON.stringify(payload);
    if (cacheKey && status < 500) idempotent.set(cacheKey, { body, status, response: serialized });
    response.writeHead(status, { "content-type": "application/json", "request-id": newId("req") }).end(serialized);
  }

  function html(response: http.ServerResponse, status: number, content: string) {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(content);
  }

  async function handlePages(request: http.IncomingMessage, response: http.ServerResponse, url: URL, body: string): Promise<void> {
    const [kind, id, action] = url.pathname.split("/").filter(Boolean);
    if (kind === "pay" && id) {
      const session = api.session(id);
      if (request.method === "GET") return html(response, 200, checkoutPage(session));
      if (action === "pay") {
        api.pay(id);
        response.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) }).end();
        return;
      }
      if (action === "decline") return html(response, 402, checkoutPage(session, "Votre carte a été refusée. Essayez une autre carte."));
      if (action === "abandon") {
        response.writeHead(303, { location: session.cancel_url || session.success_url }).end();
        return;
      }
    }
    if (kind === "connect" && id) {
      const account = api.account(id);
      if (request.method === "GET") return html(response, 200, onboardingPage(account, url.searchParams.get("return_url") ?? ""));
      if (action === "complete") {
        api.completeOnboarding(id);
        response.writeHead(303, { location: new URLSearchParams(body).get("return_url") || "/" }).end();
        return;
      }
    }
    throw new StripeError(404, "Page not found");
  }

  /** Test and demo controls, on loopback only. */
  async function handleControl(response: http.ServerResponse, url: URL, body: string): Promise<void> {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (url.pathname === "/__double/clock") state.clockOffset += Number(input.advanceSeconds ?? 0);
    else if (url.pathname === "/__double/pay") api.pay(String(input.sessionId));
    else if (url.pathname === "/__double/dispute") api.openDispute(String(input.paymentIntentId), input.amount === undefined ? undefined : Number(input.amount), String(input.reason ?? "fraudulent"));
    else if (url.pathname === "/__double/dispute/close") api.closeDispute(String(input.disputeId), input.status === "won" ? "won" : "lost");
    else if (url.pathname !== "/__double/state") throw new StripeError(404, "Unknown control");
    api.sweep();
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ clockOffset: state.clockOffset, sessions: [...state.sessions.values()], intents: [...state.intents.values()], transfers: [...state.transfers.values()], refunds: [...state.refunds.values()], disputes: [...state.disputes.values()] }));
  }

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://double.local");
      const body = await readBody(request);
      try {
        if (url.pathname.startsWith("/v1/")) await handleApi(request, response, url, body);
        else if (url.pathname.startsWith("/__double/")) await handleControl(response, url, body);
        else await handlePages(request, response, url, body);
      } catch (error) {
        const stripeError = error instanceof StripeError ? error : new StripeError(500, error instanceof Error ? error.message : String(error), "api_error");
        if (url.pathname.startsWith("/v1/") || url.pathname.startsWith("/__double/")) response.writeHead(stripeError.status, { "content-type": "application/json" }).end(JSON.stringify(stripeError.body()));
        else html(response, stripeError.status, `<!doctype html><title>Erreur</title><p>${stripeError.message}</p>`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  publicUrl ||= `http://localhost:${port}`;
  const sweeper = setInterval(() => api.sweep(), 1000);
  sweeper.unref();

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    api,
    events: sent,
    fail(path, failure = {}) {
      const pattern = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]+")}$`);
      faults.push({ pattern, mode: failure.mode ?? "error", status: failure.status ?? 500, remaining: failure.count ?? 1 });
    },
    webhooks(settings) {
      copies = settings.copies ?? copies;
      delayMs = settings.delayMs ?? delayMs;
      paused = settings.paused ?? paused;
    },
    async replayAll(times) {
      const deliveries = sent.flatMap((event) => Array.from({ length: times }, () => event.payload)).sort(() => Math.random() - 0.5);
      await Promise.all(deliveries.map((payload) => deliver(payload, 5)));
    },
    setWebhookUrl(next) {
      webhookUrl = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
