import { z } from "@hono/zod-openapi";
import { currentUser } from "../http/auth";
import { denied } from "../http/openapi";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import { invoiceOf } from "../invoices/access";
import { invoiceIdParam } from "../invoices/schemas";
import { attachmentFilename, contentDisposition } from "./filename";
import { ATTACHMENT_MIME_TYPES, allowedOfMime } from "./fileType";
import { addAttachment, attachmentFile, listAttachments, serializeAttachment } from "./service";

// Files attached to an invoice (業務報告書 and others), uploaded as multipart/form-data.

const attachmentSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    purpose: z.enum(["report", "other"]),
    filename: z.string(),
    contentType: z.string().openapi({ example: "application/pdf" }),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi("Attachment");

const uploadSchema = z.object({
  file: z
    .custom<File>((value) => value instanceof File, "Attach the file in the form field `file`")
    .openapi({ type: "string", format: "binary", description: "JPEG, PNG, PDF or Excel" }),
  purpose: z
    .enum(["report", "other"])
    .openapi({ description: "report: the business report (業務報告書); other: anything else" }),
});

const upload = defineRoute({
  bodyLimit: "attachment",
  method: "post",
  path: "/v1/invoices/{invoiceId}/attachments",
  operationId: "uploadAttachment",
  tags: ["Invoices"],
  summary: "Attach a file to a draft or returned invoice (JPEG, PNG, PDF, Excel; at most 10 MiB)",
  description:
    "The type is recognised from the file's content, never from its name or Content-Type.",
  request: {
    params: invoiceIdParam,
    body: { required: true, content: { "multipart/form-data": { schema: uploadSchema } } },
  },
  responses: {
    201: {
      description: "The stored attachment",
      content: { "application/json": { schema: attachmentSchema } },
    },
    ...denied,
    409: errorResponse("The invoice is under review or approved"),
    413: errorResponse("The file is larger than 10 MiB"),
    415: errorResponse("Not a JPEG, PNG, PDF or Excel file"),
    422: errorResponse("A form field is missing or wrong"),
  },
});

const list = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/attachments",
  operationId: "listAttachments",
  tags: ["Invoices"],
  summary: "The invoice's attachments, oldest first",
  request: { params: invoiceIdParam },
  responses: {
    200: {
      description: "The attachments",
      content: {
        "application/json": { schema: z.object({ items: z.array(attachmentSchema) }) },
      },
    },
    ...denied,
  },
});

const download = defineRoute({
  method: "get",
  path: "/v1/invoices/{invoiceId}/attachments/{attachmentId}",
  operationId: "downloadAttachment",
  tags: ["Invoices"],
  summary: "Download an attachment, with the content type recognised at upload",
  request: {
    params: invoiceIdParam.extend({
      attachmentId: z.string().openapi({ param: { name: "attachmentId", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "The file",
      content: Object.fromEntries(
        ATTACHMENT_MIME_TYPES.map((type) => [
          type,
          { schema: z.string().openapi({ format: "binary" }) },
        ]),
      ),
    },
    ...denied,
  },
});

export function attachmentRoutes() {
  const router = createRouter();
  return router
    .openapi(upload, async (c) => {
      const { file, purpose } = c.req.valid("form");
      const invoice = await invoiceOf(c);
      const row = await addAttachment(c.var.deps, currentUser(c), invoice, { file, purpose });
      return c.json(serializeAttachment(row), 201);
    })
    .openapi(list, async (c) => {
      const invoice = await invoiceOf(c);
      const rows = await listAttachments(c.var.deps, invoice.id);
      return c.json({ items: rows.map(serializeAttachment) }, 200);
    })
    .openapi(download, async (c) => {
      const invoice = await invoiceOf(c);
      const { row, bytes } = await attachmentFile(
        c.var.deps,
        invoice.id,
        c.req.valid("param").attachmentId,
      );
      return c.body(bytes, 200, {
        "content-type": row.contentType,
        // Rows stored before names were cleaned are cleaned on the way out.
        "content-disposition": contentDisposition(
          attachmentFilename(row.filename, allowedOfMime(row.contentType)),
        ),
        "content-length": String(bytes.byteLength),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      });
    });
}
