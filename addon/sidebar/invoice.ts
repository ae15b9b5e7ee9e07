import { INVOICE_STATUS_LABELS, isInvoiceEditable } from "../../shared";
import type { EstimateChoices } from "../server/estimate";
import type { Invoice, InvoiceInput, InvoicePanel } from "../server/invoice";
import { amountRows } from "./amountRows";
import { attachmentsPart } from "./attachments";
import { button, el, note, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { figures } from "./figures";
import { serverCalls as server } from "./gas";
import { lang, w } from "./words";

// The partner's invoice (請求書) for the timesheet in front: the choices that change the
// figures (withholding for individuals only, consumption tax, extra items and expenses as
// rows), the issuer, the bank account, due date and remarks; save the draft, submit it with
// the month typed to confirm, save its PDF to Drive. Saving and submitting sync the sheet
// first on the server and are refused, naming the rows, while the sheet and server differ.
// A submitted or approved invoice shows read-only.

export interface InvoiceSection {
  node: HTMLElement;
  /**
   * Settles once the panel and the estimate it changes are drawn again; `keepTyped` keeps what
   * the form holds and was not saved yet (a sync redraws the panel, it never saves it).
   */
  reload(keepTyped?: boolean): Promise<void>;
  /** The choices as the form holds them now: the estimate is computed with them. */
  choices(): EstimateChoices | undefined;
}

type Form = { input(): InvoiceInput; choices(): EstimateChoices };

export function invoiceSection(changed: () => Promise<void> | undefined): InvoiceSection {
  const node = el("section", { id: "invoice" });
  let form: Form | null = null;
  const reload = (keepTyped = false): Promise<void> =>
    server.getInvoice().then(
      (panel) => {
        const typed = keepTyped ? form?.input() : undefined;
        form = renderInvoice(panel, node, () => void reload(), changed, typed);
        return changed();
      },
      (error) => showError(error, node),
    );
  void reload();
  return { node, reload, choices: () => form?.choices() };
}

function field(label: string, control: Node & { id: string }): Node[] {
  return [el("label", { htmlFor: control.id }, label), control];
}

function renderInvoice(
  panel: InvoicePanel,
  node: HTMLElement,
  reload: () => void,
  changed: () => Promise<void> | undefined,
  typed?: InvoiceInput,
): Form {
  const invoice = panel.invoice;
  const editable = !invoice || isInvoiceEditable(invoice.status);
  // What was typed and not saved wins over the stored draft while the invoice stays editable.
  const kept = editable ? typed : undefined;
  const inputs: Partial<Invoice["inputs"]> = {
    ...invoice?.inputs,
    ...(kept as Partial<Invoice["inputs"]> | undefined),
  };
  const individual = panel.partnerKind !== "corporation";
  const out = el("div", { id: "invoice-result" });
  const statusText = invoice
    ? `${INVOICE_STATUS_LABELS[invoice.status]?.[lang()] ?? invoice.status}${invoice.number ? `（${invoice.number}）` : ""}`
    : w("noInvoice");

  // A new invoice carries the last approved invoice's withholding over, as the API's draft does.
  const startWithholding = inputs.withholding ?? panel.carriedWithholding;
  const withholding = el("input", {
    type: "checkbox",
    id: "invoice-withholding",
    checked: individual && (startWithholding?.enabled ?? false),
    disabled: !editable || !individual,
  });
  const base = el(
    "select",
    { id: "invoice-withholding-base", disabled: !editable },
    el("option", { value: "includingTax" }, w("baseIncluding")),
    el("option", { value: "excludingTax" }, w("baseExcluding")),
  );
  base.value = startWithholding?.base ?? "includingTax";
  const treatment = el(
    "select",
    { id: "invoice-excluded-tax", disabled: !editable },
    el("option", { value: "advancePayment" }, w("advancePayment")),
    el("option", { value: "compensationBreakdown" }, w("compensationBreakdown")),
  );
  treatment.value = inputs.withholding?.excludedTaxTreatment ?? "compensationBreakdown";
  const treatmentPart = el(
    "div",
    { id: "invoice-excluded-tax-part" },
    ...field(w("excludedTax"), treatment),
  );
  const withholdingPart = el(
    "div",
    { id: "invoice-withholding-part" },
    el("label", { className: "check" }, withholding, w("applyWithholding")),
    base,
    treatmentPart,
  );
  const showWithholding = () => {
    base.hidden = !withholding.checked;
    treatmentPart.hidden = !withholding.checked || base.value !== "excludingTax";
  };
  withholding.onchange = () => {
    showWithholding();
    void changed();
  };
  base.onchange = withholding.onchange;
  showWithholding();

  const tax = el("input", {
    type: "checkbox",
    id: "invoice-tax",
    // A non-resident's invoice carries no consumption tax whatever is sent (the API's rule).
    checked: !panel.nonResident && (inputs.consumptionTax?.enabled ?? true),
    disabled: !editable || panel.nonResident,
  });
  tax.onchange = () => void changed();
  const extras = amountRows("invoice-extra-items", inputs.extraItems ?? [], editable);
  const expenses = amountRows("invoice-expenses", inputs.expenses ?? [], editable);

  // A new invoice starts from the settings, so a blank field never clears the profile's.
  const issuer: Partial<Invoice["inputs"]["issuer"]> = inputs.issuer ?? panel.profile;
  const text = (id: string, value: string | undefined, max: number) =>
    el("input", { type: "text", id, value: value ?? "", maxLength: max, disabled: !editable });
  const issuerName = text("invoice-issuer-name", issuer.name, 200);
  const issuerAddress = text("invoice-issuer-address", issuer.address, 200);
  const issuerPhone = el("input", {
    type: "tel",
    id: "invoice-issuer-phone",
    value: issuer.phone ?? "",
    maxLength: 60,
    disabled: !editable,
  });
  const issuerNumber = text("invoice-issuer-number", issuer.registrationNumber, 20);
  issuerNumber.placeholder = "T1234567890123";
  const keep = el("input", {
    type: "checkbox",
    id: "invoice-issuer-keep",
    checked: kept?.issuer?.useNextTime ?? false,
    disabled: !editable,
  });

  const bank = el(
    "select",
    { id: "invoice-bank", disabled: !editable },
    ...panel.bankAccounts.map((a) =>
      el(
        "option",
        { value: a.id },
        [a.bankName, a.branchName, a.accountNumber, a.holderName].filter(Boolean).join(" "),
      ),
    ),
  );
  const chosen = inputs.bankAccountId ?? panel.bankAccounts.find((a) => a.isDefault)?.id;
  if (chosen) bank.value = chosen;
  // Text, not type=date: the browser's date picker speaks the browser's language.
  const due = el("input", {
    type: "text",
    id: "invoice-due",
    value: kept?.dueDate ?? invoice?.dueDate ?? "",
    placeholder: w("dateHint"),
    inputMode: "numeric",
    maxLength: 10,
    disabled: !editable,
  });
  const remarks = el("textarea", {
    id: "invoice-remarks",
    rows: 3,
    maxLength: 2000,
    value: inputs.remarks ?? "",
    disabled: !editable,
  });
  const confirm = el("input", {
    type: "text",
    id: "invoice-confirm",
    placeholder: panel.month,
    disabled: !editable || !invoice,
  });

  const choices = (): EstimateChoices => ({
    extraItems: extras.values().filter((i) => Number.isSafeInteger(i.amount)),
    expenses: expenses.values().filter((i) => Number.isSafeInteger(i.amount)),
    consumptionTax: { enabled: tax.checked },
    withholding: {
      enabled: individual && withholding.checked,
      base: base.value as "includingTax" | "excludingTax",
    },
  });
  const input = (): InvoiceInput => {
    const withheld = individual && withholding.checked;
    return {
      withholding: {
        enabled: withheld,
        base: base.value as "includingTax" | "excludingTax",
        ...(withheld && base.value === "excludingTax"
          ? { excludedTaxTreatment: treatment.value as "advancePayment" | "compensationBreakdown" }
          : {}),
      },
      consumptionTax: { enabled: tax.checked },
      extraItems: extras.values(),
      expenses: expenses.values(),
      issuer: {
        ...(issuerName.value.trim() ? { name: issuerName.value.trim() } : {}),
        address: issuerAddress.value.trim(),
        phone: issuerPhone.value.trim(),
        registrationNumber: issuerNumber.value.trim(),
        useNextTime: keep.checked,
      },
      remarks: remarks.value,
      ...(bank.value ? { bankAccountId: bank.value } : {}),
      ...(due.value ? { dueDate: due.value } : {}),
    };
  };
  const fields = {
    withholding: withholdingPart,
    consumptionTax: tax.parentElement ?? tax,
    extraItems: extras.node,
    expenses: expenses.node,
    "issuer.name": issuerName,
    "issuer.address": issuerAddress,
    "issuer.phone": issuerPhone,
    "issuer.registrationNumber": issuerNumber,
    bankAccountId: bank,
    dueDate: due,
    remarks,
    confirmMonth: confirm,
  };

  const save = button(w("saveDraft"), "invoice-save");
  save.disabled = !editable;
  onAction(save, () =>
    server.saveInvoice(input()).then(reload, (error) => showError(error, out, fields)),
  );
  const submit = button(w("submit"), "invoice-submit");
  submit.disabled = !invoice || !editable;
  onAction(submit, () => {
    if (!invoice) return undefined;
    return server
      .submitInvoice(invoice.id, confirm.value.trim(), input())
      .then(reload, (error) => showError(error, out, fields));
  });
  const pdf = button(w("savePdf"), "invoice-pdf", true);
  onAction(pdf, () =>
    invoice
      ? server.saveInvoicePdfToDrive(invoice.id).then(
          (file) => {
            clearError(out);
            out.appendChild(
              el(
                "p",
                { className: "ok", id: "invoice-pdf-saved" },
                `✓ ${w("pdfSaved")}: `,
                el("a", { href: file.url, target: "_blank", rel: "noopener" }, file.name),
              ),
            );
          },
          (error) => showError(error, out),
        )
      : undefined,
  );

  node.replaceChildren(
    el("h2", {}, `${w("invoice")} ${panel.month}`),
    el("p", { id: "invoice-status", className: "status" }, `${w("status")}: ${statusText}`),
    invoice?.status === "returned" && invoice.returnReason
      ? el(
          "p",
          { id: "invoice-reason", className: "error" },
          `${w("returnReason")}: ${invoice.returnReason}`,
        )
      : "",
    editable ? "" : note(w("readOnly"), "muted", "invoice-read-only"),
    invoice?.figures ? figures(invoice.figures, "invoice-figures") : "",
    individual
      ? withholdingPart
      : note(w("withholdingCorporation"), "muted", "invoice-no-withholding"),
    el("label", { className: "check" }, tax, w("applyTax")),
    el("h3", {}, w("extraItems")),
    extras.node,
    el("h3", {}, w("expenses")),
    expenses.node,
    el("h3", {}, w("issuer")),
    ...field(w("issuerName"), issuerName),
    ...field(w("address"), issuerAddress),
    ...field(w("phone"), issuerPhone),
    ...field(w("registrationNumber"), issuerNumber),
    el("label", { className: "check" }, keep, w("useNextTime")),
    ...(panel.bankAccounts.length
      ? field(w("bank"), bank)
      : [el("label", {}, w("bank")), note(w("noBank"), "warn", "invoice-bank")]),
    ...field(w("dueDate"), due),
    ...field(w("remarks"), remarks),
    save,
    ...field(w("confirmMonth"), confirm),
    submit,
    invoice ? pdf : "",
    out,
    invoice ? attachmentsPart(invoice, editable) : "",
  );
  return { input, choices };
}
