// A document's layout: what a page says, in order, as plain data. Each document (請求書,
// 業務報告書, 発注書, 支払通知書) is built once as a layout in its feature folder; the HTML
// page (documentHtml.ts) and the PDF (documentPdf.ts over pdf.ts) are two renderings of it,
// so they say the same lines by construction.

/** A label and its value; `emphasis` sets the row in bold and larger (ご請求金額). */
export type LayoutRow = {
  label: string;
  value: string;
  align?: "left" | "right";
  emphasis?: boolean;
};

export type LayoutColumn = { label: string; width: number; align?: "left" | "right" };

export type LayoutBlock =
  | { type: "title"; text: string; subtitle?: string }
  /**
   * The two parties: the addressee on the left, its first line set larger (with 様 or 御中),
   * the issuer and the document's number and date on the right.
   */
  | { type: "parties"; left: string[]; right: string[] }
  | { type: "text"; text: string }
  | { type: "heading"; text: string }
  /** Label/value rows: the document's meta rows, and its totals. */
  | { type: "fields"; rows: LayoutRow[] }
  | { type: "table"; columns: LayoutColumn[]; rows: string[][] }
  /** Free text in a frame, such as 備考. */
  | { type: "box"; text: string };

export type DocumentLayout = {
  /** The document's title in the PDF's metadata and the page's <title>: "請求書 INV-000001". */
  title: string;
  /** A stamp in the top right corner: only a document that is not yet one (下書き). */
  status?: string;
  blocks: LayoutBlock[];
};

/** How a Japanese document addresses a party: 様 for a person, 御中 for a company or group. */
export function addressed(name: string, kind: "individual" | "corporation" | "company"): string {
  return `${name} ${kind === "individual" ? "様" : "御中"}`;
}

export const right = "right" as const;
