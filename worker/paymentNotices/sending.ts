import { eq } from "drizzle-orm";
import type { ApprovalRecord } from "../../shared";
import type { User } from "../accounts/sessions";
import { getSettings } from "../companySettings/service";
import { bankAccounts } from "../db/schema";
import type { Deps } from "../deps";
import { checkContractMonth } from "../entries/rules";
import { ApiError } from "../http/errors";
import { buildInvoiceDocument } from "../invoices/document";
import { assertMonthClosed, mergeInputs, normaliseInputs, todayJst } from "../invoices/rules";
import {
  figuresFor,
  loadParts,
  monthDocument,
  nextNumber,
  recordInvoiceEvent,
} from "../invoices/service";
import { notify } from "../notifications/service";
import { contentHashOf } from "../platform/history";
import { noticeSentText } from "./notificationTexts";
import {
  acceptByOf,
  asNoticeDocument,
  assertNoticeMode,
  assertSendable,
  defaultWithholding,
  type NoticeInput,
} from "./rules";
import { writeNotice } from "./store";

// 支払通知書 (kind "paymentNotice"): the company builds it from the month's entries and sends
// it; the partner accepts or returns it, or lets the confirmation deadline pass, after which
// the scheduled job accepts it. Storage, numbering, documents and history are the invoices'.

/** The contract's payment notice of a working month, if there is one. */
export const noticeFor = (deps: Pick<Deps, "db">, contractId: string, month: string) =>
  monthDocument(deps, contractId, month, "paymentNotice");

/** What sending the month's notice needs: the stored notice, the inputs and the figures. */
export async function prepareNotice(
  deps: Pick<Deps, "db" | "now">,
  contractId: string,
  month: string,
  body: NoticeInput,
  /** The last step of the notice's approval route sends it: only then may one be pending. */
  options: { lastStep?: boolean } = {},
) {
  const parts = await loadParts(deps, contractId);
  const { contract, partner } = parts;
  assertNoticeMode(contract);
  checkContractMonth(contract, month);
  assertMonthClosed(month, contract.closingDay, deps.now(), "paymentNotice");
  const existing = await noticeFor(deps, contractId, month);
  const pending = existing?.approval?.outcome === "pending";
  if (pending && !options.lastStep) throw noticeInApproval();
  assertSendable(existing);
  const accounts = await deps.db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, partner.id));
  const inputs = mergeInputs(body, {
    contract,
    month,
    partner,
    accounts,
    now: deps.now(),
    stored: existing ? normaliseInputs(existing.inputs, partner) : null,
    lastWithholding: defaultWithholding(partner),
  });
  const { rows, request, figures } = await figuresFor(deps, contract, month, inputs);
  // The company's address and phone, printed under its name as the notice's issuer.
  const { payer } = await getSettings(deps, contract.companyId);
  const document = (number: string | null) =>
    asNoticeDocument(
      buildInvoiceDocument({
        ...parts,
        number,
        issuedOn: todayJst(deps.now()),
        month,
        inputs,
        bankAccount: accounts.find((a) => a.id === inputs.bankAccountId) ?? null,
        request,
        figures,
        entries: rows,
      }),
      payer,
    );
  return { parts, month, existing, inputs, figures, document };
}

export type PreparedNotice = Awaited<ReturnType<typeof prepareNotice>>;

export const noticeInApproval = () =>
  new ApiError(
    409,
    "payment_notice_in_approval",
    "The payment notice is in its approval route: it can be changed once it is returned",
    [],
    "支払通知書は承認中です。差し戻されると変更できます",
  );

/**
 * Sends (or, after a return, resends) the month's notice: frozen, numbered, under review.
 * With `lastStep`, the last step of the notice's approval route sends it, in one transaction
 * with the step's approval, on the approval the step read.
 */
export async function sendPaymentNotice(
  deps: Deps,
  actor: User,
  prepared: PreparedNotice,
  lastStep?: { approval: ApprovalRecord; details: Record<string, unknown> },
) {
  const { parts, month, existing, inputs, figures } = prepared;
  const { contract, partner } = parts;
  const acceptBy = acceptByOf(contract, deps.now());
  // A draft is one the company's approval route held back: it was never sent.
  const event = existing?.number ? "resent" : "sent";
  const notice = await deps.db.transaction(async (tx) => {
    const number = existing?.number ?? (await nextNumber(tx, contract.companyId, "paymentNotice"));
    const document = prepared.document(number);
    const values = {
      status: "underReview" as const,
      number,
      inputs,
      figures,
      document,
      contentHash: await contentHashOf(document),
      total: figures.total,
      dueDate: inputs.dueDate,
      submittedAt: deps.now(),
      decidedAt: null,
      acceptBy,
      returnReason: null,
      // Sent without a route, the notice carries no approval (not one of an earlier sending).
      approval: lastStep?.approval ?? null,
    };
    const row = await writeNotice(tx, { existing, contract, month, now: deps.now() }, values, {
      onUpdate: { revision: (existing?.revision ?? 0) + 1 },
      onInsert: { status: "underReview", revision: 1 },
    });
    if (lastStep) await recordInvoiceEvent(tx, deps, row, "stepApproved", actor, lastStep.details);
    await recordInvoiceEvent(tx, deps, row, event, actor, { acceptBy: acceptBy.toISOString() });
    return row;
  });
  await notify(
    deps,
    partner.id,
    noticeSentText(notice, event, {
      company: parts.company.name,
      contract: contract.title,
      total: figures.total,
      payable: figures.payable,
      acceptBy,
    }),
    { mail: { to: partner.email } },
  );
  return { notice, contract, created: !existing };
}
