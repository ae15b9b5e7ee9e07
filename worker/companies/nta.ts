import type { RegistrationLookup } from "../db/schema";
import type { Deps } from "../deps";

// The National Tax Agency's register of qualified invoice issuers (適格請求書発行事業者公表システム),
// Web-API function "information by registration number" (登録番号を指定して情報を取得), as
// documented in 国税庁「適格請求書発行事業者公表システムWeb-API機能のリクエストの設定方法及び提供データの
// 内容について (Ver.1.0)」, linked from https://www.invoice-kohyo.nta.go.jp/web-api/index.html:
//
//   GET https://web-api.invoice-kohyo.nta.go.jp/1/num?id=<application id>&number=T<13 digits>
//       &type=21 (JSON; 01 is CSV, 11 XML)&history=0 (latest record only; 1 adds the history)
//
// The JSON answer (every value a string, dates "YYYY-MM-DD", empty when there is none):
//   { lastUpdateDate, count, divideNumber, divideSize,
//     announcement: [{ sequenceNumber, registratedNumber, process, correct, kind, country, latest,
//       registrationDate, updateDate, disposalDate, expireDate, address, ..., kana, name,
//       tradeName, popularName_previousName, ... }] }
// count is "0" when the number is not in the register. process (事業者処理区分): 01 new
// registration, 02 change, 03 expiry (失効), 04 revocation (取消), 99 deletion. disposalDate is the
// date of revocation (取消年月日), expireDate that of expiry (失効年月日).

export const NTA_NUM_URL = "https://web-api.invoice-kohyo.nta.go.jp/1/num";
export const NTA_TIMEOUT_MS = 5_000;

/** The register's answer as stored on the user, in English and Japanese. */
export type NtaLookup = RegistrationLookup & { messageJa: string };

type Announcement = Record<string, unknown>;

const PROCESS = { expiry: "03", revocation: "04", deletion: "99" } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const JST_OFFSET_MS = 9 * 3_600_000;

export function ntaNumUrl(appId: string, registrationNumber: string): string {
  const url = new URL(NTA_NUM_URL);
  url.searchParams.set("id", appId);
  url.searchParams.set("number", registrationNumber);
  url.searchParams.set("type", "21");
  url.searchParams.set("history", "0");
  return url.toString();
}

/** The register publishes dates in Japan: "today" is the date in Tokyo. */
function tokyoDate(now: Date): string {
  return new Date(now.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A documented date, "" or absent as undefined; anything else makes the answer unreadable. */
function dateField(record: Announcement, field: string): string | undefined | false {
  const value = record[field];
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" && ISO_DATE.test(value) ? value : false;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function lookup(
  status: NtaLookup["status"],
  checkedAt: Date,
  message: string,
  messageJa: string,
  name?: string,
): NtaLookup {
  return {
    status,
    ...(name ? { name } : {}),
    message,
    messageJa,
    checkedAt: checkedAt.toISOString(),
  };
}

function notFound(number: string, checkedAt: Date, deleted = false): NtaLookup {
  return deleted
    ? lookup(
        "notFound",
        checkedAt,
        `${number} has been deleted from the National Tax Agency's register of qualified invoice issuers`,
        `${number} は国税庁の適格請求書発行事業者公表サイトから削除されています`,
      )
    : lookup(
        "notFound",
        checkedAt,
        `${number} is not in the National Tax Agency's register of qualified invoice issuers: check the number`,
        `${number} は国税庁の適格請求書発行事業者公表サイトに登録されていません。番号を確認してください`,
      );
}

/**
 * The `/1/num` JSON answer for one number, read as documented (see the top of this file), or
 * undefined when it is not in that shape. Revocation and expiry count from their dates; a
 * record with the process code but no date counts as ended too.
 */
export function readNumAnswer(
  body: unknown,
  number: string,
  checkedAt: Date,
): NtaLookup | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { count, announcement } = body as Record<string, unknown>;
  const total = typeof count === "string" || typeof count === "number" ? Number(count) : Number.NaN;
  if (!Number.isSafeInteger(total) || total < 0) return undefined;
  if (total === 0) return notFound(number, checkedAt);
  if (!Array.isArray(announcement)) return undefined;
  const records = announcement.filter(
    (r): r is Announcement =>
      typeof r === "object" && r !== null && (r as Announcement).registratedNumber === number,
  );
  const record = records.find((r) => r.latest === "1") ?? records.at(-1);
  if (!record) return undefined;

  const process = text(record.process);
  if (process === PROCESS.deletion) return notFound(number, checkedAt, true);
  const name = text(record.name);
  const registered = dateField(record, "registrationDate");
  const revoked = dateField(record, "disposalDate");
  const expired = dateField(record, "expireDate");
  if (!name || registered === false || revoked === false || expired === false) return undefined;

  const today = tokyoDate(checkedAt);
  const ended = (date: string | undefined, code: string) =>
    date ? date <= today : process === code;
  if (ended(revoked, PROCESS.revocation)) {
    const on = revoked ? ` on ${revoked}` : "";
    const onJa = revoked ? `${revoked}に` : "";
    return lookup(
      "revoked",
      checkedAt,
      `The registration of "${name}" as a qualified invoice issuer was revoked${on} (取消): invoices it issues after that are not qualified invoices`,
      `「${name}」の適格請求書発行事業者の登録は${onJa}取り消されています`,
      name,
    );
  }
  if (ended(expired, PROCESS.expiry)) {
    const on = expired ? ` on ${expired}` : "";
    const onJa = expired ? `${expired}に` : "";
    return lookup(
      "expired",
      checkedAt,
      `The registration of "${name}" as a qualified invoice issuer expired${on} (失効): invoices it issues after that are not qualified invoices`,
      `「${name}」の適格請求書発行事業者の登録は${onJa}失効しています`,
      name,
    );
  }
  // A registration can be announced ahead of its end (登録の取りやめ): still current until then.
  const until = revoked ?? expired;
  const since = registered ? ` since ${registered}` : "";
  const sinceJa = registered ? `${registered}から` : "";
  return lookup(
    "current",
    checkedAt,
    `Registered as a qualified invoice issuer under the name "${name}"${since}${until ? `, until ${until}` : ""}`,
    `「${name}」の名称で${sinceJa}適格請求書発行事業者として登録されています${until ? `（${until}まで）` : ""}`,
    name,
  );
}

function unverified(checkedAt: Date, why: string, whyJa: string): NtaLookup {
  return lookup(
    "unverified",
    checkedAt,
    `Could not verify with the National Tax Agency: ${why}`,
    `国税庁の適格請求書発行事業者公表システムで確認できませんでした：${whyJa}`,
  );
}

/**
 * Looks a well-formed, check-digit-valid number up in the register. Never throws: without an
 * application id, or when the register is slow, down or answers something unreadable, the
 * answer is "unverified", so saving a profile never depends on the tax agency.
 */
export async function lookupRegistration(
  deps: Pick<Deps, "fetch" | "config" | "now">,
  registrationNumber: string,
  options: { timeoutMs?: number } = {},
): Promise<NtaLookup> {
  const checkedAt = deps.now();
  const appId = deps.config.ntaAppId;
  if (!appId) {
    return unverified(checkedAt, "the lookup is not configured", "照会が設定されていません");
  }
  const timeoutMs = options.timeoutMs ?? NTA_TIMEOUT_MS;
  const later = "; try again later";
  const laterJa = "。しばらくしてからもう一度お試しください";
  const silent = () =>
    unverified(
      checkedAt,
      `the register did not answer within ${timeoutMs / 1000} seconds${later}`,
      `公表システムが${timeoutMs / 1000}秒以内に応答しませんでした${laterJa}`,
    );
  try {
    const response = await deps.fetch(ntaNumUrl(appId, registrationNumber), {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return unverified(
        checkedAt,
        `the register did not answer (HTTP ${response.status})${later}`,
        `公表システムが応答しませんでした（HTTP ${response.status}）${laterJa}`,
      );
    }
    const body: unknown = await response.json().catch((error: unknown) => {
      if (isTimeout(error)) throw error;
      return undefined;
    });
    return (
      readNumAnswer(body, registrationNumber, checkedAt) ??
      unverified(
        checkedAt,
        `the register did not answer in the documented form${later}`,
        `公表システムの応答を読み取れませんでした${laterJa}`,
      )
    );
  } catch (error) {
    if (isTimeout(error)) return silent();
    return unverified(
      checkedAt,
      `the register did not answer (it could not be reached)${later}`,
      `公表システムに接続できませんでした${laterJa}`,
    );
  }
}

function isTimeout(error: unknown): boolean {
  // DOMException is not an Error subclass on every runtime: read the name alone.
  const name =
    typeof error === "object" && error !== null ? (error as { name?: unknown }).name : "";
  return name === "TimeoutError" || name === "AbortError";
}
