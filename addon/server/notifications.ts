import { callApi } from "./api";

// The bell: the caller's notifications, newest first, with the unread count.

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  unreadCount: number;
  items: Notification[];
}

export function listNotifications(): NotificationList {
  const list = callApi<NotificationList>("get", "/v1/me/notifications");
  return { unreadCount: list.unreadCount, items: list.items };
}

export function markNotificationRead(notificationId: string): Notification {
  return callApi<Notification>(
    "post",
    `/v1/me/notifications/${encodeURIComponent(notificationId)}/read`,
  );
}
