import { and, asc, count, eq } from "drizzle-orm";
import type { User } from "../accounts/sessions";
import { attachments } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { assertEditable, type Invoice } from "../invoices/rules";
import { storageOf } from "../platform/storage";
import { attachmentFilename } from "./filename";
import { detectFileType } from "./fileType";

// Files the partner attaches to an invoice: the business report (業務報告書) and others. The
// bytes go to storage (R2 or disk), the row records what they are, recognised from content.

export type Attachment = typeof attachments.$inferSelect;
type AttachmentDeps = Pick<Deps, "db" | "storage">;

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_INVOICE = 20;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function serializeAttachment(row: Attachment) {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    purpose: row.purpose,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A refusal of the file itself, with the form field at fault. */
const fileError = (status: number, code: string, message: string) =>
  new ApiError(status, code, message, [{ path: "file", message }]);

export async function addAttachment(
  deps: AttachmentDeps,
  user: User,
  invoice: Invoice,
  upload: { file: File; purpose: "report" | "other" },
): Promise<Attachment> {
  // Attached files are part of what the company reviews: fixed once submitted.
  assertEditable(invoice.status);
  const storage = storageOf(deps);
  const { file } = upload;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw fileError(
      413,
      "file_too_large",
      `The file is ${mib(file.size)}: attachments can be at most ${mib(MAX_ATTACHMENT_BYTES)}`,
    );
  }
  if (file.size === 0) throw fileError(422, "empty_file", "The file is empty");
  const [{ n } = { n: 0 }] = await deps.db
    .select({ n: count() })
    .from(attachments)
    .where(eq(attachments.invoiceId, invoice.id));
  if (n >= MAX_ATTACHMENTS_PER_INVOICE) {
    throw fileError(
      409,
      "too_many_attachments",
      `An invoice can have at most ${MAX_ATTACHMENTS_PER_INVOICE} attachments`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await detectFileType(bytes);
  if (!detected.allowed) {
    throw fileError(
      415,
      "unsupported_file_type",
      `Only JPEG, PNG, PDF and Excel files can be attached (this file is ${detected.described})`,
    );
  }
  const sha256 = await sha256Hex(bytes);
  const id = crypto.randomUUID();
  const storageKey = `invoices/${invoice.id}/${id}`;
  await storage.put(storageKey, bytes, { contentType: detected.allowed.mime });
  try {
    const [row] = await deps.db
      .insert(attachments)
      .values({
        id,
        invoiceId: invoice.id,
        purpose: upload.purpose,
        filename: attachmentFilename(file.name, detected.allowed),
        contentType: detected.allowed.mime,
        size: bytes.byteLength,
        sha256,
        storageKey,
        uploadedBy: user.id,
      })
      .returning();
    if (!row) throw new Error("attachment insert returned no row");
    return row;
  } catch (error) {
    // No row, no file: a failed insert must not leave bytes nobody can reach.
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

export async function listAttachments(deps: Pick<Deps, "db">, invoiceId: string) {
  return deps.db
    .select()
    .from(attachments)
    .where(eq(attachments.invoiceId, invoiceId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

/** The attachment's row and bytes; another invoice's attachment id is simply not found. */
export async function attachmentFile(
  deps: AttachmentDeps,
  invoiceId: string,
  attachmentId: string,
): Promise<{ row: Attachment; bytes: Uint8Array<ArrayBuffer> }> {
  const [row] = await deps.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.invoiceId, invoiceId)));
  if (!row) throw new ApiError(404, "not_found", "No such attachment");
  const bytes = await storageOf(deps).get(row.storageKey);
  if (!bytes) {
    throw new ApiError(404, "file_missing", "The attachment's file is missing from storage");
  }
  return { row, bytes };
}
