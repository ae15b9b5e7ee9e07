import type { Db } from "../db/client";

/**
 * Counts the statements the app sends to libSQL, by wrapping the client's `execute`,
 * `batch` and `transaction` (a batch counts once per statement in it: each is a round of work for the database).
 */
export function countStatements(db: Db) {
  const client = db.$client;
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  let count = 0;
  client.execute = ((...args: Parameters<typeof execute>) => {
    count++;
    if (process.env.SQL_LOG) console.log("SQL", JSON.stringify(args[0]).slice(0, 160));
    return execute(...args);
  }) as typeof client.execute;
  client.batch = ((statements: Parameters<typeof batch>[0], ...rest: unknown[]) => {
    count += statements.length;
    return (batch as (...a: unknown[]) => ReturnType<typeof batch>)(statements, ...rest);
  }) as typeof client.batch;
  // Statements inside a transaction go through the transaction object, not the client.
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    const tx = await transaction(...args);
    const txExecute = tx.execute.bind(tx);
    const txBatch = tx.batch.bind(tx);
    tx.execute = ((...a: Parameters<typeof txExecute>) => {
      count++;
      if (process.env.SQL_LOG) console.log("TX", JSON.stringify(a[0]).slice(0, 160));
      return txExecute(...a);
    }) as typeof tx.execute;
    tx.batch = ((statements: Parameters<typeof txBatch>[0]) => {
      count += statements.length;
      return txBatch(statements);
    }) as typeof tx.batch;
    return tx;
  }) as typeof client.transaction;
  return {
    /** The statements `fn` sent. */
    async during<T>(fn: () => Promise<T>): Promise<{ statements: number; value: T }> {
      const before = count;
      const value = await fn();
      return { statements: count - before, value };
    },
    restore() {
      client.execute = execute;
      client.batch = batch;
      client.transaction = transaction;
    },
  };
}
