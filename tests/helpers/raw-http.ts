import http from "node:http";

export type RawAnswer = { status: number; location: string | null; body: string };

/**
 * A GET sent as written — no URL normalisation (fetch would decode or reject some
 * spellings), any Host header — to a server on this machine. No keep-alive
 * (agent: false): an idle pooled socket would be reset when the server stops, outside any test.
 */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: "GET", headers: { host: `localhost:${port}`, connection: "close", ...headers }, agent: false }, (response) => {
      let body = "";
      response.on("error", reject);
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body }));
    });
    request.on("error", reject);
    request.end();
  });
}
