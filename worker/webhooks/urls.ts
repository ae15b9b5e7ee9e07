import { ApiError } from "../http/errors";

/**
 * Where deliveries may go: https only, and never to this machine or a private network, so an
 * endpoint cannot be used to reach what sits behind the API. `allowLocal` (outside production
 * only) admits http://127.0.0.1 and localhost for trying webhooks on one's own machine.
 */
export function checkWebhookUrl(raw: string, options: { allowLocal: boolean }): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid("is not a URL", "URL の形式ではありません");
  }
  const local = isLocalHost(url.hostname);
  if (options.allowLocal && local && (url.protocol === "http:" || url.protocol === "https:")) {
    return url;
  }
  if (url.protocol !== "https:")
    throw invalid("must start with https://", "https:// で始まる URL にしてください");
  if (url.username || url.password) {
    throw invalid(
      "must not carry a user name or password",
      "ユーザー名やパスワードを含めないでください",
    );
  }
  if (local || isPrivateAddress(url.hostname)) {
    throw invalid(
      "must be a public host, not this machine or a private network",
      "このサーバー自身やプライベートネットワークのアドレスには送信できません",
    );
  }
  return url;
}

function invalid(message: string, messageJa: string) {
  const en = `The endpoint URL ${message}`;
  const ja = `エンドポイント URL: ${messageJa}`;
  return new ApiError(
    422,
    "invalid_webhook_url",
    en,
    [{ path: "url", code: "invalid_webhook_url", message: en, messageJa: ja }],
    ja,
  );
}

function isLocalHost(hostname: string) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127\./.test(host) ||
    host === "0.0.0.0"
  );
}

function isPrivateAddress(hostname: string) {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (/^10\./.test(host) || /^192\.168\./.test(host) || /^169\.254\./.test(host)) return true;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(host)) return true;
  if (/^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(host)) return true;
  if (host.includes(":") && (/^f[cd]/.test(host) || /^fe80:/.test(host))) return true;
  return host.endsWith(".internal") || host.endsWith(".local");
}
