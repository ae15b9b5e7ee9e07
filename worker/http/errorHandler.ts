import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { z } from "zod";
import { describeForLog, isUniqueViolation } from "../db/failures";
import { ApiError } from "./errors";
import { localeFrom } from "./locale";
import { hasBody } from "./requestBody";
import type { AppEnv } from "./router";
import { errorAnswer } from "./securityHeaders";
import { zodIssues } from "./zodIssues";

export function problemsMessage(count: number, ja: boolean): string {
  if (ja) return `入力に${count}件の問題があります`;
  return count === 1 ? "The request has 1 problem" : `The request has ${count} problems`;
}

/** The one place an error becomes a response. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const ja = localeFrom(c.req.header("accept-language")) === "ja";
  if (err instanceof ApiError) {
    return errorAnswer(c, err.toBody(ja), err.status as 400, err.headers);
  }
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) {
      const message = ja
        ? "リクエスト本文が正しい JSON ではありません"
        : "The request body is not valid JSON";
      return errorAnswer(
        c,
        new ApiError(400, "malformed_json", message, [{ path: "", message }]).toBody(),
        400,
      );
    }
    const en = err.message || "Request refused";
    const message = ja ? `リクエストを処理できませんでした（HTTP ${err.status}）` : en;
    return errorAnswer(
      c,
      new ApiError(err.status, `http_${err.status}`, message).toBody(),
      err.status as 400,
    );
  }
  if (isUniqueViolation(err)) {
    const message = ja
      ? "同じ内容が別のリクエストで先に保存されました。画面を更新して確認してください"
      : "Another request saved the same thing first: reload to see it";
    return errorAnswer(c, new ApiError(409, "conflict", message).toBody(), 409);
  }
  console.error(`${c.req.method} ${c.req.path} failed: ${describeForLog(err)}`);
  const message = ja ? "サーバーで問題が発生しました" : "Something went wrong on our side";
  return errorAnswer(c, new ApiError(500, "internal_error", message).toBody(), 500);
};

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const ja = localeFrom(c.req.header("accept-language")) === "ja";
  const message = ja
    ? `${c.req.method} ${c.req.path} はありません`
    : `There is no ${c.req.method} ${c.req.path}`;
  return errorAnswer(c, new ApiError(404, "not_found", message).toBody(), 404);
};

// On failure @hono/zod-validator passes the raw input as `data` (not in its type).
type HookResult = { success: true } | { success: false; error: z.ZodError; data?: unknown };

/** zod-openapi's hook: a request that fails its schema is a 422 naming every field at fault. */
export function validationHook(result: HookResult, c: Context): void {
  if (result.success) return;
  const locale = localeFrom(c.req.header("accept-language"));
  const issues = zodIssues(result.error, result.data, locale);
  throw new ApiError(
    422,
    "invalid_request",
    problemsMessage(issues.length, locale === "ja"),
    issues,
  );
}

const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * A body that is not declared as JSON would otherwise be read as `{}` and answered with a list
 * of "is required": say what is actually wrong instead.
 */
export const requireJsonBody: MiddlewareHandler = (c, next) => {
  if (BODY_METHODS.has(c.req.method) && hasBody(c)) {
    const type = c.req.header("content-type") ?? "";
    if (!JSON_TYPE.test(type) && !type.toLowerCase().startsWith("multipart/form-data")) {
      const ja = localeFrom(c.req.header("accept-language")) === "ja";
      const message = ja
        ? "Content-Type: application/json で JSON を送ってください"
        : "Send the body as JSON with Content-Type: application/json";
      throw new ApiError(415, "unsupported_media_type", message, [{ path: "", message }]);
    }
  }
  return next();
};
