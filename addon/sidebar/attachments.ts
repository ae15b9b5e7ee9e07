import type { Attachment, AttachmentPurpose } from "../server/attachments";
import type { Invoice } from "../server/invoice";
import { button, el, onAction } from "./dom";
import { clearError, showError } from "./errors";
import { serverCalls as server } from "./gas";
import { w } from "./words";

// The invoice's attached files (業務報告書 and others): the list, a file input to add one while
// the invoice is editable, and the previews of its documents in a dialog over the sheet.

/** The file as base64, without the data: URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read"));
    reader.readAsDataURL(file);
  });
}

const purposeLabel = (p: AttachmentPurpose) =>
  p === "report" ? w("purposeReport") : w("purposeOther");

/**
 * The files as list items: kind, name and size; with `open`, each has a button that opens it
 * (an image in a dialog, any other file saved to the reviewer's Drive and linked).
 */
export function attachmentItems(
  items: Attachment[],
  open?: { invoiceId: string; out: HTMLElement },
): HTMLElement[] {
  if (items.length === 0) return [el("li", { className: "muted" }, w("noAttachments"))];
  return items.map((a) => {
    const text = `${purposeLabel(a.purpose)}: ${a.filename}（${Math.ceil(a.size / 1024)} KB）`;
    if (!open) return el("li", { className: "attachment" }, text);
    const opener = button(w("openAttachment"), `open-attachment-${a.id}`, true);
    onAction(opener, () =>
      server.openAttachment(open.invoiceId, a.id).then(
        () => clearError(open.out),
        (error) => showError(error, open.out),
      ),
    );
    return el("li", { className: "attachment" }, text, " ", opener);
  });
}

/** A button opening the invoice's document or business report in a dialog. */
export function previewButton(invoiceId: string, which: "invoice" | "report", out: HTMLElement) {
  const id = which === "invoice" ? "invoice-preview" : "report-preview";
  const preview = button(w(which === "invoice" ? "previewInvoice" : "previewReport"), id, true);
  onAction(preview, () =>
    server.previewInvoice(invoiceId, which).then(
      () => clearError(out),
      (error) => showError(error, out),
    ),
  );
  return preview;
}

export function attachmentsPart(invoice: Invoice, editable: boolean): HTMLElement {
  const list = el("ul", { id: "invoice-attachments" });
  const out = el("div", { id: "attach-result" });
  const load = () =>
    server.listAttachments(invoice.id).then(
      (items) => list.replaceChildren(...attachmentItems(items)),
      (error) => showError(error, out),
    );
  const purpose = el(
    "select",
    { id: "attach-purpose", disabled: !editable },
    el("option", { value: "report" }, w("purposeReport")),
    el("option", { value: "other" }, w("purposeOther")),
  );
  // The file input itself is hidden: its button and "no file chosen" are in the browser's
  // language, not the sidebar's. A label in the sidebar's words opens it.
  const input = el("input", {
    type: "file",
    id: "attach-file",
    disabled: !editable,
    className: "hidden-file",
  });
  const choose = el(
    "label",
    { htmlFor: "attach-file", className: "file-button", id: "attach-choose" },
    w("chooseFile"),
  );
  input.onchange = () => {
    const file = input.files?.[0];
    if (!file) return;
    input.disabled = true;
    out.replaceChildren(w("working"));
    readBase64(file)
      .then((base64) =>
        server.attachFile(
          invoice.id,
          purpose.value as AttachmentPurpose,
          file.name,
          file.type || "application/octet-stream",
          base64,
        ),
      )
      .then(
        (attachment) => {
          clearError(out);
          out.appendChild(
            el("p", { className: "ok" }, `✓ ${w("attached", { name: attachment.filename })}`),
          );
          return load();
        },
        (error) => showError(error, out, { file: input, purpose }),
      )
      .finally(() => {
        input.value = "";
        input.disabled = false;
      });
  };
  void load();
  return el(
    "div",
    { id: "invoice-files" },
    el("h3", {}, w("attachments")),
    list,
    ...(editable
      ? [
          el("label", { htmlFor: "attach-purpose" }, w("attachAs")),
          purpose,
          el("p", { className: "muted" }, w("attachFile")),
          choose,
          input,
        ]
      : []),
    out,
    el(
      "div",
      { className: "buttons" },
      previewButton(invoice.id, "invoice", out),
      previewButton(invoice.id, "report", out),
    ),
  );
}
