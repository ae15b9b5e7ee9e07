import type { Context } from "hono";

// On @hono/node-server, reading `c.req.raw.body` turns the server's light request into a full
// web Request with a stream: more than the rest of a small request costs, and the server's
// direct body read is skipped. Whether there is a body, and how long it says it is, come from
// the headers wherever they tell.

/** The declared Content-Length, when the body is not chunked; undefined otherwise. */
export function declaredLength(c: Context): number | undefined {
  if (c.req.header("transfer-encoding") !== undefined) return undefined;
  const length = c.req.header("content-length");
  return length === undefined ? undefined : Number.parseInt(length, 10);
}

type NodeBindings = { incoming?: unknown } | undefined;

/** Whether the request carries a body. */
export function hasBody(c: Context): boolean {
  if (c.req.method === "GET" || c.req.method === "HEAD") return false;
  const length = declaredLength(c);
  if (length !== undefined) return length !== 0;
  if (c.req.header("transfer-encoding") !== undefined) return true;
  // Over HTTP/1.1 neither header means no body (RFC 9112 6.3), as `curl -X POST url` sends an
  // action; Node's server hands such a POST a stream all the same.
  if ((c.env as NodeBindings)?.incoming) return false;
  return c.req.raw.body !== null;
}
