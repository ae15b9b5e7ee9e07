import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type RunningServer = {
  base: string;
  databaseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
};

/**
 * `npm start`'s entry (worker/node.ts) in its own process on a free port, over `databaseUrl`
 * (a fresh file by default); resolves once /health answers.
 */
export async function startNodeServer(
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const databaseUrl =
    options.databaseUrl ??
    `file:${join(mkdtempSync(join(tmpdir(), "shimebi-server-")), "shimebi.db")}`;
  const child = spawn(process.execPath, ["--import", "tsx", "worker/node.ts"], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/health`)).ok) {
        return {
          base,
          databaseUrl,
          process: child,
          stop: () =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once("exit", () => resolve());
              child.kill("SIGTERM");
            }),
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server did not start:\n${output}`);
}
