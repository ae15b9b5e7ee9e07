import type { Client, InStatement, Transaction } from "@libsql/client";

// The embedded libSQL driver is synchronous: a writer that finds the database locked waits
// inside SQLite, blocking Node's event loop, so the transaction holding the lock can never
// finish and both fail with SQLITE_BUSY. In one process the cure is to queue writers in
// JavaScript: one write (statement, batch or transaction) at a time; reads go straight through.
// Turso serialises writes on its server, so the Worker does not need this.

class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves, in order of asking, with the function that lets the next one in. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

const READ = /^\s*(select|explain)\b/i;
const isRead = (statement: InStatement) =>
  READ.test(typeof statement === "string" ? statement : statement.sql);

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const once = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return new Proxy(tx, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property === "commit" || property === "rollback") {
        return async () => {
          try {
            return await value.call(target);
          } finally {
            once();
          }
        };
      }
      if (property === "close") {
        return () => {
          try {
            return value.call(target);
          } finally {
            once();
          }
        };
      }
      return value.bind(target);
    },
  });
}

export function serializeWrites(client: Client): Client {
  const mutex = new Mutex();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await mutex.lock();
    try {
      return await work();
    } finally {
      release();
    }
  };
  const execute = client.execute.bind(client);
  // Methods assigned later (a test counting queries wraps execute) sit in front of ours.
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    set(_target, property, value) {
      assigned.set(property, value);
      return true;
    },
    get(target, property) {
      if (assigned.has(property)) return assigned.get(property);
      if (property === "execute") {
        return (statement: InStatement | string, args?: unknown) => {
          const run = () =>
            args === undefined
              ? execute(statement as InStatement)
              : execute(statement as string, args as never);
          return isRead(statement as InStatement) ? run() : exclusive(run);
        };
      }
      if (property === "batch" || property === "migrate" || property === "executeMultiple") {
        const method = Reflect.get(target, property, target) as (
          ...a: unknown[]
        ) => Promise<unknown>;
        return (...args: unknown[]) => exclusive(() => method.apply(target, args));
      }
      if (property === "transaction") {
        return async (...args: Parameters<Client["transaction"]>) => {
          const release = await mutex.lock();
          try {
            return releasingOnEnd(await target.transaction(...args), release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
