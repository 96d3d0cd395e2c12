import { randomBytes } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";
import { quoteIdent } from "./connection";

const PG_CHAR_OID = 18; // the internal one-byte "char" type (pg_constraint.contype, …)
const PG_TEXT_OID = 25;
/** Appended to the names of "char" columns between the pg client and the adapter's result */
const CHAR_MARKER = "\u0000char";

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] };

function patchFields(value: unknown): void {
  for (const field of (value as QueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_MARKER;
    }
  }
}

/** Turns marked text columns back into the Character type the engine expects. */
function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (name.endsWith(CHAR_MARKER)) {
      result.columnNames[index] = name.slice(0, -CHAR_MARKER.length);
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
  });
  return result;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property, receiver) {
      if (property === "queryRaw") {
        return async (query: SqlQuery) => restoreCharColumns(await target.queryRaw(query));
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => withCharColumns(await (target as unknown as SqlDriverAdapter).startTransaction(...(args as [])));
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * The schema engine reads catalog columns of type "char", which adapter-pg cannot
 * decode. pg already returns them as strings, so we report them as text. Both the
 * promise and the callback forms of `query` are covered (pg.Pool uses callbacks).
 */
function reportCharColumnsAsText<T extends { query: unknown }>(queryable: T): T {
  const originalQuery = (queryable.query as (...args: unknown[]) => unknown).bind(queryable);
  const patched = (...args: unknown[]) => {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: unknown, result: unknown) => void;
      return originalQuery(...args.slice(0, -1), (error: unknown, result: unknown) => {
        patchFields(result);
        callback(error, result);
      });
    }
    const result = originalQuery(...args);
    return result instanceof Promise ? result.then((value: unknown) => (patchFields(value), value)) : result;
  };
  Object.assign(queryable, { query: patched });
  return queryable;
}

function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, max: 2 });
  pool.on("connect", (client) => reportCharColumnsAsText(client));
  return reportCharColumnsAsText(pool);
}

function adapterWithDispose(adapter: SqlDriverAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (property === "dispose") return dispose;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Driver adapter factory for the WASM schema engine. Unlike the stock PrismaPg
 * factory, its shadow database is a real temporary database that is dropped
 * (WITH FORCE) only after its pool is closed.
 */
export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";

  constructor(private readonly config: pg.PoolConfig) {}

  async connect(): Promise<SqlDriverAdapter> {
    return withCharColumns(await new PrismaPg(createPool(this.config), { disposeExternalPool: true }).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowName = `comptoir_shadow_${randomBytes(6).toString("hex")}`;
    await this.runOnMaintenanceDb(`CREATE DATABASE ${quoteIdent(shadowName)}`);
    const adapter = await new PrismaPg(createPool({ ...this.config, database: shadowName }), {
      disposeExternalPool: true,
    }).connect();
    return adapterWithDispose(withCharColumns(adapter), async () => {
      await adapter.dispose();
      await this.runOnMaintenanceDb(`DROP DATABASE IF EXISTS ${quoteIdent(shadowName)} WITH (FORCE)`);
    });
  }

  private async runOnMaintenanceDb(sql: string): Promise<void> {
    const client = new pg.Client({ ...this.config, database: "postgres" });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
