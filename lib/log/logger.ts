import { Writable } from "node:stream";
import pino, { type DestinationStream, type Logger } from "pino";
import { PERSONAL_KEYS, maskPersonal } from "./personal-data";

/**
 * The servers' log (issue #13): one JSON line per event in production (requests,
 * jobs, errors with their stack), readable lines when a person watches a
 * terminal. Personal data never reaches it (lib/log/personal-data.ts).
 */
function readableLines(): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        try {
          const { level, time, msg, err, ...fields } = JSON.parse(line) as Record<string, unknown>;
          const extra = Object.entries(fields)
            .filter(([key]) => key !== "pid" && key !== "hostname")
            .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`).join(" ");
          const clock = typeof time === "string" ? time.slice(11, 19) : "";
          process.stdout.write(`${clock} ${String(level).padEnd(5)} ${String(msg ?? "")}${extra ? ` ${extra}` : ""}\n`);
          if (err && typeof err === "object" && "stack" in err) process.stdout.write(`${String((err as { stack: unknown }).stack)}\n`);
        } catch {
          process.stdout.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]), censor: "[masqué]" },
      hooks: {
        // Messages are text someone wrote, maybe with an address in it.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === "string" ? maskPersonal(arg) : arg)) as Parameters<typeof method>);
        },
      },
      serializers: {
        err: (error: unknown) => {
          const e = error instanceof Error ? error : new Error(String(error));
          return { type: e.name, message: maskPersonal(e.message), stack: maskPersonal(e.stack ?? "") };
        },
      },
    },
    destination ?? (process.stdout.isTTY ? readableLines() : pino.destination({ fd: 1, sync: false })),
  );
}

const state = globalThis as { comptoirLogger?: Logger };

/** The process's logger. */
export function log(): Logger {
  state.comptoirLogger ??= createLogger();
  return state.comptoirLogger;
}
