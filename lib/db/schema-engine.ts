import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { MigrationAdapterFactory } from "./migration-adapter";
import { poolConfigFromUrl } from "./connection";

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let loading: Promise<SchemaEngineModule> | undefined;

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its package does not
 * export the .wasm file, so we read it next to the JS glue and wire them
 * together the way the glue's own entry point would under a bundler.
 */
function loadSchemaEngineModule(): Promise<SchemaEngineModule> {
  loading ??= (async () => {
    // A panic inside the engine reports its message here; without it Node dies
    // with an unrelated TypeError instead of the engine's message.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        console.error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const require = createRequire(path.join(process.cwd(), "package.json"));
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = (await import(pathToFileURL(gluePath).href)) as SchemaEngineModule;
    const wasmBytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return loading;
}

export type EngineSession = {
  engine: SchemaEngine;
  logs: string[];
  /** Frees the engine and closes its database connections. */
  close(): Promise<void>;
};

/** Starts a schema engine connected to the database at `url` (and to temporary shadow databases on the same server). */
export async function openSchemaEngine(url: string, schemaFiles: { path: string; content: string }[]): Promise<EngineSession> {
  const glue = await loadSchemaEngineModule();
  const logs: string[] = [];
  const adapterFactory = new MigrationAdapterFactory(poolConfigFromUrl(url));
  const factory = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await glue.SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content] as [string, string]) },
    (log: string) => logs.push(log),
    factory,
  );
  return {
    engine,
    logs,
    async close() {
      engine.free();
      await adapterFactory.close();
    },
  };
}
