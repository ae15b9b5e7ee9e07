import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from "node:worker_threads";

// UrlFetchApp is synchronous; Node's fetch is not. A worker thread does the fetch while this
// thread waits on a shared flag (Atomics.wait), then takes the reply off the port at once.
// The server must run in another process (startNodeServer): this thread is blocked meanwhile.

/** A multipart/form-data field: text, or a file's bytes with its name and type. */
export type FormField =
  | { name: string; value: string }
  | { name: string; bytes: Uint8Array; fileName: string; contentType: string };

export interface HttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Sent as multipart/form-data, as UrlFetchApp does for an object payload holding a blob. */
  form?: FormField[];
}

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The body's bytes as received. */
  bytes?: Uint8Array;
}

const WORKER = `
const { workerData } = require("node:worker_threads");
const { port, flag } = workerData;
port.on("message", async (request) => {
  let reply;
  try {
    let body = request.body;
    if (request.form) {
      body = new FormData();
      for (const field of request.form) {
        if ("bytes" in field) body.append(field.name, new Blob([field.bytes], { type: field.contentType }), field.fileName);
        else body.append(field.name, field.value);
      }
    }
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body });
    // The bytes as they came, as UrlFetchApp's getBlob() gives them (a Shift_JIS file, say).
    const bytes = new Uint8Array(await response.arrayBuffer());
    reply = { status: response.status, headers: Object.fromEntries(response.headers), body: new TextDecoder().decode(bytes), bytes };
  } catch (error) {
    reply = { error: String((error && error.cause && error.cause.message) || (error && error.message) || error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

export class SyncHttp {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));

  constructor(private readonly timeoutMs = 60_000) {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { port: port2, flag: this.flag },
      transferList: [port2],
    });
    this.worker.unref();
    this.port = port1;
  }

  request(request: HttpRequest): HttpReply {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    if (Atomics.wait(this.flag, 0, 0, this.timeoutMs) === "timed-out") {
      throw new Error(`no answer from ${request.url} in ${this.timeoutMs} ms`);
    }
    const received = receiveMessageOnPort(this.port)?.message as
      | (HttpReply & { error?: undefined })
      | { error: string };
    if (!received) throw new Error(`no reply from ${request.url}`);
    // As UrlFetchApp does for a host it cannot reach.
    if (received.error !== undefined)
      throw new Error(`Address unavailable: ${request.url} (${received.error})`);
    return received;
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
