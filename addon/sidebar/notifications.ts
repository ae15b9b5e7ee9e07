import type { NotificationList } from "../server/notifications";
import { button, el, onAction } from "./dom";
import { showError } from "./errors";
import { serverCalls as server } from "./gas";
import { w } from "./words";

// The bell: unread count and the items, each marked read on a click.

export function notificationsSection(): HTMLElement {
  const node = el("details", { id: "notifications" });
  const out = el("div");
  const render = (list: NotificationList) =>
    node.replaceChildren(
      el("summary", { id: "notifications-count" }, w("unreadCount", { n: list.unreadCount })),
      ...list.items.map((n) => {
        const read = button(w("markRead"), "", true);
        read.disabled = n.readAt !== null;
        onAction(read, () =>
          server.markNotificationRead(n.id).then(load, (error) => showError(error, out)),
        );
        return el(
          "div",
          { className: n.readAt ? "notification muted" : "notification" },
          el("strong", {}, n.title),
          el("p", {}, n.body),
          read,
        );
      }),
      out,
    );
  const load = () =>
    server.listNotifications().then(render, (error) => {
      node.replaceChildren(el("summary", {}, w("notifications")), out);
      showError(error, out);
    });
  void load();
  return node;
}
