import { formatDateJa } from "../../shared";
import type { NotificationInput, Words } from "../notifications/service";

// What the bell and the mail say about a purchase order (発注書), in Japanese and English.

type About = { id: string; number: string; subject: string };

const link = (order: About) => `/v1/orders/${order.id}`;

export const orderLabel = (number: string): Words => ({
  ja: `発注書 ${number}`,
  en: `purchase order ${number}`,
});

/** To the partner: the company sent the order, to approve or return by the contract's end. */
export function orderSentText(order: About, company: string, by: string): NotificationInput {
  return {
    kind: "order.sent",
    title: {
      ja: `発注書 ${order.number} をご確認ください`,
      en: `Confirm the purchase order ${order.number}`,
    },
    body: {
      ja: `${company} から発注書「${order.subject}」が届きました。${formatDateJa(by)}までに承認または差し戻してください。`,
      en: `${company} sent the purchase order "${order.subject}". Approve or return it by ${by}.`,
    },
    link: link(order),
  };
}

/** To the company: the partner approved the order. */
export function orderApprovedText(order: About, partner: string): NotificationInput {
  return {
    kind: "order.approved",
    title: {
      ja: `発注書 ${order.number} が承認されました`,
      en: `${order.number} was approved`,
    },
    body: {
      ja: `${partner} さんが発注書「${order.subject}」を承認しました。`,
      en: `${partner} approved "${order.subject}".`,
    },
    link: link(order),
  };
}

/** To the company: the partner returned the order with a reason. */
export function orderReturnedText(
  order: About,
  partner: string,
  reason: string,
): NotificationInput {
  return {
    kind: "order.returned",
    title: {
      ja: `発注書 ${order.number} が差し戻されました`,
      en: `${order.number} was returned`,
    },
    body: {
      ja: `${partner} さん: ${reason}`,
      en: `${partner}: ${reason}`,
    },
    link: link(order),
  };
}
