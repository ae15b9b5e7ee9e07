import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { DocumentLayout } from "../platform/documentLayout";
import { renderDocumentPdf } from "../platform/documentPdf";
import type { AppEnv } from "./router";
import { errorResponse } from "./schemas";

// How a document route answers with a PDF: the declared responses and the response itself.

export const pdfResponses = {
  200: {
    description: "The PDF",
    content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
  },
  401: errorResponse("Not signed in"),
  403: errorResponse("Role not allowed"),
  404: errorResponse("Not found or not yours"),
  503: errorResponse("No font configured for PDF documents"),
};

export async function sendPdf(c: Context<AppEnv>, layout: DocumentLayout, name: string) {
  const bytes = await renderDocumentPdf(c.var.deps, layout);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": "application/pdf",
    "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
    "cache-control": "private, no-store",
  });
}
