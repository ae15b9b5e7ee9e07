import { currentUser } from "../http/auth";
import { localeFrom } from "../http/locale";
import { ok } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  notificationIdParam,
  notificationListSchema,
  notificationQuery,
  notificationSchema,
  readAllSchema,
} from "./schemas";
import { listNotifications, markAllRead, markRead } from "./service";

const unauthenticated = { 401: errorResponse("Not signed in") };

const list = defineRoute({
  method: "get",
  path: "/v1/me/notifications",
  operationId: "listMyNotifications",
  tags: ["Notifications"],
  summary: "The bell: your notifications, newest first, with the unread count",
  request: { query: notificationQuery },
  responses: {
    200: ok("Notifications", notificationListSchema),
    422: errorResponse("unread is not true/false, or limit is not 1 to 100"),
    ...unauthenticated,
  },
});

const read = defineRoute({
  method: "post",
  path: "/v1/me/notifications/{notificationId}/read",
  operationId: "markNotificationRead",
  tags: ["Notifications"],
  summary: "Mark one notification read (again is fine: the first time is kept)",
  request: { params: notificationIdParam },
  responses: {
    200: ok("The notification, read", notificationSchema),
    404: errorResponse("No such notification of yours"),
    ...unauthenticated,
  },
});

const readAll = defineRoute({
  method: "post",
  path: "/v1/me/notifications/read-all",
  operationId: "markAllNotificationsRead",
  tags: ["Notifications"],
  summary: "Mark every notification read",
  responses: { 200: ok("All read", readAllSchema), ...unauthenticated },
});

export function notificationRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const locale = localeFrom(c.req.header("accept-language"));
      const query = c.req.valid("query");
      return c.json(await listNotifications(c.var.deps, currentUser(c).id, query, locale), 200);
    })
    .openapi(read, async (c) => {
      const locale = localeFrom(c.req.header("accept-language"));
      const { notificationId } = c.req.valid("param");
      return c.json(await markRead(c.var.deps, currentUser(c).id, notificationId, locale), 200);
    })
    .openapi(readAll, async (c) => c.json(await markAllRead(c.var.deps, currentUser(c).id), 200));
}
