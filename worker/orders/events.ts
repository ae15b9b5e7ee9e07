import type { User } from "../accounts/sessions";
import type { transitionOrder } from "../contracts/rules";
import type { Deps } from "../deps";
import type { ErrorCode } from "../http/errorCodes";
import { issuesError } from "../http/errors";
import {
  appendHistory,
  contentHashOf,
  type HistoryKeyHolder,
  historyKeyOf,
} from "../platform/history";
import type { PurchaseOrder } from "./drafts";

export function refuse(
  result: ReturnType<typeof transitionOrder>,
): asserts result is { ok: true; status: PurchaseOrder["status"] } {
  // The engine's issue carries its Japanese words: the answer speaks the caller's language.
  if (!result.ok) throw issuesError(409, result.issue.code as ErrorCode, [result.issue]);
}

export type OrderHistoryEvent =
  | "sent"
  | "resent"
  | "returned"
  | "approved"
  | "expired"
  | "superseded"
  // The company's own approval route before sending (approvals/).
  | "approvalRequested"
  | "stepApproved"
  | "approvalReturned";

export async function recordEvent(
  tx: Parameters<Parameters<Deps["db"]["transaction"]>[0]>[0],
  deps: Pick<Deps, "now"> & HistoryKeyHolder,
  order: PurchaseOrder,
  document: Record<string, unknown>,
  event: OrderHistoryEvent,
  actor: User | null,
  details: Record<string, unknown> = {},
) {
  await appendHistory(tx, historyKeyOf(deps), {
    companyId: order.companyId,
    documentType: "purchaseOrder",
    documentId: order.id,
    documentNumber: order.number,
    event,
    actorUserId: actor?.id ?? null,
    actorName: actor ? (actor.fullName ?? actor.email) : "system",
    occurredAt: deps.now(),
    transactionDate: String(document.issuedOn ?? ""),
    amount: Number(document.totalAmount ?? 0),
    counterparty: String((document.partner as { name?: string } | undefined)?.name ?? ""),
    contentHash: await contentHashOf(document),
    details,
  });
}
