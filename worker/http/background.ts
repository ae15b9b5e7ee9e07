import type { Context } from "hono";

// Work a request causes but its answer must not wait for (a mail to a provider): started
// without awaiting, handed to the Worker's `waitUntil` so the runtime lets it finish.

let last: Promise<unknown> = Promise.resolve();

export function runAfterAnswer(c: Context, work: () => Promise<unknown>): void {
  // A macrotask later: an embedded database blocks while it writes, which must not delay the
  // answer either.
  const run = new Promise((resolve) => setTimeout(resolve, 0))
    .then(work)
    .catch((error) =>
      console.error("background work failed", error instanceof Error ? error.message : error),
    );
  last = run;
  try {
    c.executionCtx.waitUntil(run);
  } catch {
    // Node has no execution context: the promise simply runs on.
  }
}

/** The latest background work (tests wait on it). */
export const backgroundSettled = (): Promise<unknown> => last;
