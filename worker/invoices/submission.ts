import { and, eq } from "drizzle-orm";
import { formatThousands } from "../../shared";
import type { User } from "../accounts/sessions";
import { type Decision, decideApproval, legacyApproval, stepDetails } from "../approvals/decision";
import { notifyStepApprovers } from "../approvals/notify";
import { freezeApproval, routeInForce } from "../approvals/service";
import { bankAccounts, invoices, type Role, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueInput } from "../http/errors";
import { notify } from "../notifications/service";
import { contentHashOf } from "../platform/history";
import { buildInvoiceDocument } from "./document";
import { invoiceDecidedText, invoiceLabel, invoiceSubmittedText } from "./notificationTexts";
import {
  assertMonthClosed,
  type Invoice,
  type InvoiceInputs,
  nextInvoiceStatus,
  normaliseInputs,
  todayJst,
} from "./rules";
import { figuresFor, getInvoice, loadParts, nextNumber, recordInvoiceEvent } from "./service";

// Submit, approve, return: each a conditional update on the status it starts from, with its
// history event in the same transaction and the notice after the commit.

const changed = () =>
  new ApiError(409, "invoice_changed", "The invoice changed meanwhile: reload it");

/** What a submission needs that a draft may still lack. */
function submissionIssues(inputs: InvoiceInputs, today: string, hasAccount: boolean): IssueInput[] {
  const issues: IssueInput[] = [];
  if (!inputs.dueDate)
    issues.push({
      path: "dueDate",
      message: "Choose a due date",
      messageJa: "支払期日を選んでください",
    });
  else if (inputs.dueDate < today)
    issues.push({
      path: "dueDate",
      message: `The due date ${inputs.dueDate} has passed: choose ${today} or later`,
      messageJa: `支払期日 ${inputs.dueDate} は過ぎています。${today} 以降を選んでください`,
    });
  if (!hasAccount)
    issues.push({
      path: "bankAccountId",
      message: "Register a bank account to be paid into",
      messageJa: "振込先の銀行口座を登録してください",
    });
  if (!inputs.issuer.name)
    issues.push({
      path: "issuer.name",
      message: "Give the issuer's name",
      messageJa: "発行者の名前を入力してください",
    });
  return issues;
}

/**
 * Freezes the document and sends it for review. Submitting what is already under review
 * answers it unchanged (a double click submits once); the number is given at the first
 * submission and kept on resubmission.
 */
export async function submitInvoice(
  deps: Deps,
  actor: User,
  invoice: Invoice,
  confirmMonth: string,
) {
  if (confirmMonth !== invoice.workingMonth) {
    throw new ApiError(422, "month_not_confirmed", "Confirm the month you are invoicing", [
      {
        path: "confirmMonth",
        message: `Confirm the month you are invoicing: this invoice is for ${invoice.workingMonth}`,
        messageJa: `請求する月を確認してください。この請求書は ${invoice.workingMonth} 分です`,
      },
    ]);
  }
  if (invoice.status === "underReview") return invoice;
  const next = nextInvoiceStatus(invoice.status, "submit");
  const parts = await loadParts(deps, invoice.contractId);
  assertMonthClosed(invoice.workingMonth, parts.contract.closingDay, deps.now());
  const inputs = normaliseInputs(invoice.inputs, parts.partner);
  const [account] = inputs.bankAccountId
    ? await deps.db
        .select()
        .from(bankAccounts)
        .where(
          and(
            eq(bankAccounts.id, inputs.bankAccountId),
            eq(bankAccounts.userId, invoice.partnerUserId),
          ),
        )
    : [];
  const issues = submissionIssues(inputs, todayJst(deps.now()), Boolean(account));
  if (issues.length > 0)
    throw new ApiError(422, "invoice_incomplete", "The invoice is not ready to submit", issues);
  const { rows, request, figures } = await figuresFor(
    deps,
    parts.contract,
    invoice.workingMonth,
    inputs,
  );
  if (figures.total < 0) {
    // A deduction larger than the fee: no one can be invoiced for less than nothing.
    const amount = formatThousands(figures.total);
    const ja = `請求金額の合計が ${amount}円 とマイナスです。控除が報酬を上回っているため提出できません。控除や追加項目を見直してください`;
    const en = `The invoice total is ${amount} yen, below zero: the deductions exceed the fee, so it cannot be submitted. Correct the deductions or extra items`;
    throw new ApiError(
      422,
      "negative_total",
      en,
      [{ path: "figures.total", code: "negative_total", message: en, messageJa: ja }],
      ja,
    );
  }
  const event = invoice.status === "returned" ? "resubmitted" : "submitted";
  // The route in force enters with the invoice and stays with it, whatever becomes of the route.
  const approval = await freezeApproval(deps.db, {
    companyId: parts.contract.companyId,
    groupId: parts.contract.groupId,
    route: await routeInForce(deps.db, parts.contract.groupId, "invoice"),
    requestedBy: actor,
    now: deps.now(),
  });
  const updated = await deps.db.transaction(async (tx) => {
    const number = invoice.number ?? (await nextNumber(tx, invoice.issuerId, "invoice"));
    const document = buildInvoiceDocument({
      ...parts,
      number,
      issuedOn: todayJst(deps.now()),
      month: invoice.workingMonth,
      inputs,
      bankAccount: account ?? null,
      request,
      figures,
      entries: rows,
    });
    const [row] = await tx
      .update(invoices)
      .set({
        status: next,
        number,
        figures,
        document,
        contentHash: await contentHashOf(document),
        total: figures.total,
        dueDate: inputs.dueDate,
        submittedAt: deps.now(),
        decidedAt: null,
        // The reason belonged to the returned revision; the history's "returned" event keeps it.
        returnReason: null,
        revision: invoice.revision + 1,
        approval,
        approvalVersion: invoice.approvalVersion + 1,
      })
      .where(and(eq(invoices.id, invoice.id), eq(invoices.status, invoice.status)))
      .returning();
    if (!row) return null;
    await recordInvoiceEvent(tx, deps, row, event, actor);
    return row;
  });
  if (!updated) {
    // A concurrent twin (the second click of a double click) submitted first: same answer.
    const current = await getInvoice(deps, invoice.id);
    if (current.status === "underReview") return current;
    throw changed();
  }
  const [creator] = await deps.db
    .select()
    .from(users)
    .where(eq(users.id, parts.contract.createdBy));
  await notify(
    deps,
    parts.contract.createdBy,
    invoiceSubmittedText(updated, event, {
      partner: parts.partner.fullName ?? parts.partner.email,
      contract: parts.contract.title,
      total: figures.total,
    }),
    creator ? { mail: { to: creator.email } } : {},
  );
  await notifyStepApprovers(deps, approval, {
    ...parts.contract,
    label: invoiceLabel(updated.number),
    link: `/v1/invoices/${invoice.id}`,
  });
  return updated;
}

/**
 * The company's decision at the current step of the invoice's approval route. A step before
 * the last records its approval and leaves the invoice under review; the last step approves
 * it for good; a return at any step sends it back to the partner with the reason.
 */
export async function decideInvoice(
  deps: Deps,
  actor: User,
  roles: readonly Role[],
  invoice: Invoice,
  decision: Decision,
) {
  const next = nextInvoiceStatus(invoice.status, decision.approve ? "approve" : "return");
  const record = invoice.approval ?? legacyApproval(invoice.submittedAt);
  const step = decideApproval(record, actor, roles, decision, deps.now());
  const parts = await loadParts(deps, invoice.contractId);
  const reason = decision.approve ? null : decision.reason.trim();
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invoices)
      .set({
        ...(step.completed ? { status: next, decidedAt: deps.now(), returnReason: reason } : {}),
        approval: step.record,
        approvalVersion: invoice.approvalVersion + 1,
      })
      .where(
        and(
          eq(invoices.id, invoice.id),
          eq(invoices.status, invoice.status),
          eq(invoices.approvalVersion, invoice.approvalVersion),
        ),
      )
      .returning();
    if (!row) throw changed();
    const event = !step.completed ? "stepApproved" : decision.approve ? "approved" : "returned";
    await recordInvoiceEvent(tx, deps, row, event, actor, stepDetails(record, step, reason));
    return row;
  });
  if (!step.completed) {
    await notifyStepApprovers(deps, step.record, {
      ...parts.contract,
      label: invoiceLabel(updated.number),
      link: `/v1/invoices/${invoice.id}`,
    });
    return updated;
  }
  await notify(
    deps,
    parts.partner.id,
    invoiceDecidedText(
      invoice,
      decision.approve ? { approve: true } : { approve: false, reason: reason ?? "" },
      { company: parts.company.name, contract: parts.contract.title },
    ),
    { mail: { to: parts.partner.email } },
  );
  return updated;
}
