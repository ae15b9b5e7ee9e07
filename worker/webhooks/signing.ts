import { Webhook } from "standardwebhooks";

// Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
// `webhook-signature` = "v1,<base64 HMAC-SHA256 of id.timestamp.body>", one per valid secret.

const SECRET_PREFIX = "whsec_";

/** A new signing secret: 32 random bytes, base64, with the scheme's prefix. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `${SECRET_PREFIX}${btoa(binary)}`;
}

/** The headers of one attempt, signed with every secret still valid (two during a rotation). */
export function signedHeaders(
  secrets: string[],
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  const signature = secrets
    .map((secret) => new Webhook(secret).sign(messageId, at, body))
    .join(" ");
  return {
    "content-type": "application/json",
    "user-agent": "Shimebi-Webhooks/1",
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
