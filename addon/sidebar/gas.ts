import type * as server from "../server/index";

// The sidebar's only route to the server: google.script.run, one promise per call, typed by
// addon/server/index.ts (the GASClient pattern of enuchi/React-Google-Apps-Script).

type ServerFunctions = typeof server;

export type ServerCalls = {
  [K in keyof ServerFunctions]: (
    ...args: Parameters<ServerFunctions[K]>
  ) => Promise<Awaited<ReturnType<ServerFunctions[K]>>>;
};

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

type ScriptRunner = ScriptRun & Record<string, (...args: unknown[]) => void>;

function scriptRun(): ScriptRunner {
  const google = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  const run = google?.script?.run;
  if (!run) throw new Error("google.script.run is not available: open this page from Sheets");
  return run as ScriptRunner;
}

export const serverCalls = new Proxy({} as ServerCalls, {
  get(_target, name) {
    if (typeof name !== "string") return undefined;
    return (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const run = scriptRun()
          .withSuccessHandler(resolve)
          .withFailureHandler(reject) as ScriptRunner;
        const call = run[name];
        if (typeof call !== "function") reject(new Error(`no server function ${name}`));
        else call(...args);
      });
  },
});
