import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { MAX_ATTACHMENT_BYTES } from "../attachments/service";
import { ApiError } from "./errors";
import { localeFrom } from "./locale";
import { declaredLength, hasBody } from "./requestBody";

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * How large a request body each kind of route may send, sized to its real use. Past it the
 * request is answered 413 before more is read, whether the length is declared or chunked.
 */
export const BODY_LIMITS = {
  /** Sign-up, sign-in, tokens: an address, a password, a Google identity token. */
  account: 16 * KiB,
  /** A contract, an order, an invoice draft: a few thousand characters at most. */
  json: 256 * KiB,
  /** A month of up to 2,000 rows with 1,000-character details, or a quote of such a month. */
  month: 8 * MiB,
  /** One attachment of at most 10 MiB, with the multipart framing around it. */
  attachment: MAX_ATTACHMENT_BYTES + 64 * KiB,
} as const;

export type BodyLimit = keyof typeof BODY_LIMITS;

function sizeLabel(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes / KiB} KiB`;
}

/**
 * hono/body-limit with the error shape; nothing past `maxBytes` is read or kept. A request
 * without a body, or with its length declared, is decided from its headers (requestBody.ts);
 * only a chunked body goes through hono's counting reader.
 */
export function limitBody(kind: BodyLimit): MiddlewareHandler {
  const maxBytes = BODY_LIMITS[kind];
  const tooLarge = (c: Context): never => {
    const ja = localeFrom(c.req.header("accept-language")) === "ja";
    const limit = sizeLabel(kind === "attachment" ? MAX_ATTACHMENT_BYTES : maxBytes);
    if (kind === "attachment") {
      const message = ja
        ? `ファイルが大きすぎます: 添付できるのは ${limit} までです`
        : `The file is too large: attachments can be at most ${limit}`;
      throw new ApiError(413, "file_too_large", message, [{ path: "file", message }]);
    }
    const message = ja
      ? `リクエスト本文が大きすぎます（上限 ${limit}）`
      : `The request body is too large: at most ${limit}`;
    throw new ApiError(413, "body_too_large", message, [{ path: "", message }]);
  };
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (!hasBody(c)) return next();
    const length = declaredLength(c);
    if (length === undefined) return counting(c, next);
    if (length > maxBytes) tooLarge(c);
    return next();
  };
}
