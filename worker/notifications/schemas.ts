import { z } from "@hono/zod-openapi";
import { words } from "../http/zodWords";

export const notificationIdParam = z.object({
  notificationId: z.string().openapi({ param: { name: "notificationId", in: "path" } }),
});

export const notificationQuery = z.object({
  unread: z
    .enum(["true", "false"], {
      error: words("must be true or false", "true か false を指定してください"),
    })
    .optional()
    .transform((value) => value === "true")
    .openapi({
      param: { name: "unread", in: "query" },
      description: "true: only the unread ones",
      example: "true",
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: "limit", in: "query" }, description: "At most 100", example: 50 }),
});

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: "invitation.accepted" }),
    title: z.string().openapi({
      description: "One line, in the caller's language (Accept-Language; Japanese by default)",
    }),
    body: z.string().openapi({ description: "The detail, in the caller's language" }),
    link: z.string().nullable().openapi({ description: "Where a click leads" }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

export const notificationListSchema = z
  .object({ unreadCount: z.number().int(), items: z.array(notificationSchema) })
  .openapi("Notifications");

export const readAllSchema = z
  .object({ unreadCount: z.literal(0), marked: z.number().int() })
  .openapi("NotificationsReadAll");
