import type { Context } from "hono";
import type { AppEnv } from "./router";

// The caller's IP address, for throttling. Only the platform's word counts: Cloudflare's
// edge sets CF-Connecting-IP itself (a client's own header of that name is replaced), a proxy
// in front of Node appends the address it saw as the last X-Forwarded-For entry, and Node
// without a proxy knows the socket's peer. A header the platform does not set is ignored.

export type ClientIpSource = "cf-connecting-ip" | "x-forwarded-for" | "socket";

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

export function clientAddress(c: Context<AppEnv>): string {
  const source = c.var.deps.config.clientIpSource;
  if (source === "cf-connecting-ip") return c.req.header("cf-connecting-ip")?.trim() || "unknown";
  if (source === "x-forwarded-for") {
    const hops = (c.req.header("x-forwarded-for") ?? "").split(",");
    return hops.at(-1)?.trim() || "unknown";
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? "unknown";
}
