import type { Answer, Failure } from "../server/answer";
import type * as server from "../server/index";

// The sidebar's only route to the server: google.script.run, one promise per call, typed by
// addon/server/index.ts (the GASClient pattern of enuchi/React-Google-Apps-Script). Every
// function answers the envelope of server/answer.ts: its value resolves the promise, its
// error rejects it as a ServerError carrying the API's code and issues.

type ServerFunctions = typeof server;

type Unwrapped<R> = [R] extends [Answer<infer T>] ? T : R;

export type ServerCalls = {
  [K in keyof ServerFunctions]: (
    ...args: Parameters<ServerFunctions[K]>
  ) => Promise<Unwrapped<ReturnType<ServerFunctions[K]>>>;
};

/** A refusal as the server function answered it: the API's error object and its status. */
export class ServerError extends Error {
  readonly failure: Failure;

  constructor(failure: Failure) {
    super(failure.message);
    this.name = "ServerError";
    this.failure = failure;
  }
}

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
}

type ScriptRunner = ScriptRun & Record<string, (...args: unknown[]) => void>;

function scriptRun(): ScriptRunner | null {
  const google = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  return (google?.script?.run as ScriptRunner | undefined) ?? null;
}

/** Not the envelope: the call itself failed (no network, the script's time ran out). */
const transport = (code: string): ServerError =>
  new ServerError({ status: 0, code, message: "", issues: [] });

function isAnswer(value: unknown): value is Answer<unknown> {
  return typeof value === "object" && value !== null && "ok" in value;
}

export const serverCalls = new Proxy({} as ServerCalls, {
  get(_target, name) {
    if (typeof name !== "string") return undefined;
    return (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const base = scriptRun();
        if (!base) return reject(transport("no_script_run"));
        const run = base
          .withSuccessHandler((answer) => {
            if (!isAnswer(answer)) return resolve(answer);
            if (answer.ok) resolve(answer.value);
            else reject(new ServerError(answer.error));
          })
          .withFailureHandler(() => reject(transport("script_failed"))) as ScriptRunner;
        const call = run[name];
        if (typeof call !== "function") reject(transport("no_such_function"));
        else call(...args);
      });
  },
});
