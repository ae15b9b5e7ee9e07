import type { z } from "zod";

/**
 * @hono/zod-validator parses with `safeParseAsync`, which costs zod 4 about three times what
 * `safeParse` costs on the same input (a 300-entry quote: 0.29 ms against 0.10 ms). Request
 * schemas here have no async refinements, so they answer from the synchronous parse.
 */
export function syncParse<T extends z.ZodType>(schema: T): T {
  const parse = schema.safeParse.bind(schema);
  Object.defineProperty(schema, "safeParseAsync", {
    value: async (data: unknown, params?: Parameters<T["safeParse"]>[1]) => parse(data, params),
  });
  return schema;
}
