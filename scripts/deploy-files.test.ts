import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { serverNodeArgs } from "./lib/server-command";

/**
 * deploy/ is copied by hosts, not run by the suite (issue #25): these checks keep its
 * files in step with the code they launch, so that a renamed script, a new required
 * variable or a changed server flag fails here rather than on a town's server.
 */
const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

/** A systemd unit's Environment= assignments (one or several per line) and its ExecStart= line. */
function unit(file: string) {
  const lines = read(file).split("\n");
  const environment = Object.fromEntries(
    lines.filter((line) => line.startsWith("Environment=")).flatMap((line) => line.slice("Environment=".length).split(/\s+/).map((pair) => pair.split("=") as [string, string])),
  );
  const execStart = lines.find((line) => line.startsWith("ExecStart="))?.slice("ExecStart=".length).split(/\s+/) ?? [];
  return { environment, execStart, text: lines.join("\n") };
}

/** KEY=value lines of an environment file, comments left out. */
function envFile(file: string): Record<string, string> {
  return Object.fromEntries(read(file).split("\n").filter((line) => /^[A-Z_]+=/.test(line)).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
}

describe("deploy/", () => {
  it("the environment template, with a unit's additions, is a valid production configuration behind one proxy, without the dev mailbox", () => {
    const web = unit("deploy/systemd/comptoir-web@.service");
    const config = parseEnv({ ...envFile("deploy/comptoir.env.example"), ...web.environment, PORT: "3001" });
    expect(config).toMatchObject({ NODE_ENV: "production", WORKER: false, TRUST_PROXY_HOPS: 1, DEV_MAILBOX: false, PORT: 3001 });
    expect(config.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(config.SMTP_URL).toMatch(/^smtp:\/\//);
  });

  it("the web unit starts the server with the flags npm start uses", () => {
    const web = unit("deploy/systemd/comptoir-web@.service");
    expect(web.execStart.slice(1)).toEqual(serverNodeArgs({}));
    expect(web.environment.MALLOC_ARENA_MAX).toBe("2");
    expect(web.environment.PORT).toBe("300%i");
  });

  it("the worker and migration units run the scripts npm run worker and npm run db:migrate run", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    const worker = unit("deploy/systemd/comptoir-worker.service").execStart;
    const migrate = unit("deploy/systemd/comptoir-migrate.service").execStart;
    expect(scripts.worker).toContain(worker.slice(-1)[0]);
    expect(worker).toContain("tsx");
    expect(scripts["db:migrate"]).toContain(migrate.slice(-2).join(" "));
  });

  it("nginx's upstream lists one server per web instance the target starts, on the unit's ports", () => {
    const target = read("deploy/systemd/comptoir.target");
    const instances = [...target.matchAll(/comptoir-web@(\d+)\.service/g)].map((match) => Number(match[1]));
    const upstream = [...read("deploy/nginx/comptoir.conf").matchAll(/^\s*server 127\.0\.0\.1:(\d+)/gm)].map((match) => Number(match[1]));
    expect(instances.length).toBeGreaterThanOrEqual(2);
    expect(upstream).toEqual(instances.map((instance) => Number(`300${instance}`)));
  });

  it("nginx never proxies the dev mailbox or the test routes, and takes the bodies the app accepts", () => {
    const proxy = read("deploy/nginx/comptoir-proxy.conf");
    expect(proxy).toMatch(/location \^~ \/dev\/ \{ return 404; \}/);
    expect(proxy).toMatch(/location \^~ \/api\/test\/ \{ return 404; \}/);
    const appLimit = /bodySizeLimit:\s*"(\d+)mb"/.exec(read("next.config.js"))?.[1];
    expect(proxy).toContain(`client_max_body_size ${appLimit}m;`);
    expect(read("deploy/nginx/comptoir-proxy-headers.conf")).not.toMatch(/non_idempotent/);
  });
});
