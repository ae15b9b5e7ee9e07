import { z } from "@hono/zod-openapi";

export const apiTokenIdParam = z.object({
  tokenId: z.string().openapi({ param: { name: "tokenId", in: "path" } }),
});

export const newApiTokenSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "What the token is for", example: "Accounting export" }),
  })
  .openapi("NewApiToken");

/** A token as listed: never the secret. */
export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The first characters, to tell tokens apart" }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().openapi({ description: "To the minute" }),
    revokedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export const createdApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    token: z.string().openapi({
      description: "The secret, shown this once: send it as `Authorization: Bearer <token>`",
      example: "shm_3q2-7wZ...",
    }),
    prefix: z.string(),
    createdAt: z.string(),
  })
  .openapi("CreatedApiToken");
