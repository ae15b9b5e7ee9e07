import { html, raw } from "hono/html";
import type { DocumentLayout, LayoutBlock, LayoutRow } from "./documentLayout";

// A document layout as a printable A4 page. The PDF renderer (documentPdf.ts) draws the same
// layout, so a page and its PDF carry the same text in the same order.

const STYLE = `
@page { size: A4; margin: 16mm }
body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; color: #111; font-size: 10.5pt; max-width: 180mm; margin: 0 auto }
h1 { text-align: center; letter-spacing: .5em; font-size: 18pt; margin: 0 0 .2rem; font-weight: bold }
.subtitle { text-align: center; margin: 0 0 1rem }
h2 { font-size: 11pt; margin: 1.2rem 0 .4rem }
p { margin: .2rem 0 }
.parties { display: flex; justify-content: space-between; gap: 2rem; margin: 1rem 0 }
.parties > div { flex: 1 }
.addressee { font-size: 13pt; border-bottom: 1px solid #111; padding-bottom: 2px }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; white-space: pre-wrap }
th { background: #eee; text-align: left; font-weight: normal }
.fields th { width: 40% }
.num { text-align: right; white-space: nowrap }
.emphasis th, .emphasis td { font-size: 12pt; font-weight: bold }
.box { white-space: pre-wrap; border: 1px solid #999; padding: 6px }
.stamp { float: right; border: 1px solid #111; padding: 2px 8px }
`;

/** hono/html answers a promise only for async children; ours are all synchronous. */
export function htmlText(value: ReturnType<typeof html>): string {
  if (value instanceof Promise) throw new Error("document templates must be synchronous");
  return value.toString();
}

const cellClass = (align?: "left" | "right") => (align === "right" ? "num" : "");

function fieldRow(row: LayoutRow) {
  return html`<tr class="${row.emphasis ? "emphasis" : ""}"><th>${row.label}</th><td class="${cellClass(row.align)}">${row.value}</td></tr>`;
}

function block(b: LayoutBlock) {
  switch (b.type) {
    case "title":
      return html`<h1>${b.text}</h1>${b.subtitle ? html`<p class="subtitle">${b.subtitle}</p>` : ""}`;
    case "parties": {
      const [addressee, ...rest] = b.left;
      return html`<div class="parties">
        <div><p class="addressee">${addressee ?? ""}</p>${rest.map((l) => html`<p>${l}</p>`)}</div>
        <div>${b.right.map((l) => html`<p>${l}</p>`)}</div>
      </div>`;
    }
    case "text":
      return html`<p>${b.text}</p>`;
    case "heading":
      return html`<h2>${b.text}</h2>`;
    case "fields":
      return html`<table class="fields">${b.rows.map(fieldRow)}</table>`;
    case "table":
      return html`<table class="lines">
        <tr>${b.columns.map((c) => html`<th>${c.label}</th>`)}</tr>
        ${b.rows.map(
          (cells) =>
            html`<tr>${cells.map((cell, i) => html`<td class="${cellClass(b.columns[i]?.align)}">${cell}</td>`)}</tr>`,
        )}
      </table>`;
    case "box":
      return html`<div class="box">${b.text}</div>`;
  }
}

/**
 * The page: the document in <main>, and after it, outside the document, what the company
 * keeps beside it (the approval route: `appendix`), which the PDF does not print.
 */
export function renderDocumentHtml(
  layout: DocumentLayout,
  appendix: ReturnType<typeof html> | "" = "",
): string {
  return htmlText(html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <title>${layout.title}</title>
        <style>${raw(STYLE)}</style>
      </head>
      <body>
        <main>
          ${layout.status ? html`<span class="stamp">${layout.status}</span>` : ""}
          ${layout.blocks.map(block)}
        </main>
        ${appendix ? html`<aside>${appendix}</aside>` : ""}
      </body>
    </html>`);
}
