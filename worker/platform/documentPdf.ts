import type { Deps } from "../deps";
import type { DocumentLayout } from "./documentLayout";
import { renderPdf } from "./pdf";
import { fontsOf } from "./pdfFont";

// A document layout as PDF bytes: the text layout of pdf.ts with Noto Sans JP, regular and
// bold (the title and ご請求金額), each subset to the glyphs the document uses.

export async function renderDocumentPdf(
  deps: Pick<Deps, "fonts" | "now">,
  layout: DocumentLayout,
): Promise<Uint8Array> {
  const fonts = fontsOf(deps);
  const [font, boldFont] = await Promise.all([fonts(), fonts("bold")]);
  return renderPdf(layout, { font, boldFont, now: deps.now() });
}
