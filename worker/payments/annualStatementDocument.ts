import { PDFDocument } from "pdf-lib";
import { formatYen } from "../../shared";
import type { PayerSettings } from "../db/schema";
import { toCsv } from "../entries/estimate";
import { type PdfLayout, renderPdf } from "../platform/pdf";
import type { AnnualStatements, Statement } from "./annualStatement";

// The 支払調書 as printed and as CSV, in the order of the NTA's form 309: the payee (住所,
// 氏名又は名称, 個人番号又は法人番号), 区分, 細目, 支払金額 with 未払金額 inside it, 源泉徴収税額
// with 未徴収税額 inside it, 摘要, the payer, 整理欄. No マイナンバー is stored: its field is
// printed empty for the company to fill in by hand.

/** 2026 -> 8 (令和8年); 2019 is 令和元年. */
export function reiwaYear(year: number): number {
  return year - 2018;
}

export function statementTitle(year: number): string {
  const era = reiwaYear(year);
  return `令和${era === 1 ? "元" : era}年分 報酬、料金、契約金及び賞金の支払調書`;
}

/** An amount with its inner part (内書き) above it, as the form prints 未払 and 未徴収. */
function withInner(amount: number, inner: number): string {
  return inner > 0 ? `内 ${formatYen(inner)}\n${formatYen(amount)}` : formatYen(amount);
}

function remarks(statement: Statement): string {
  const parts = [`支払金額には消費税等 ${formatYen(statement.consumptionTax)} を含む`];
  if (statement.total.unpaidAmount > 0) {
    parts.push(
      `未払金額 ${formatYen(statement.total.unpaidAmount)}（未徴収税額 ${formatYen(statement.total.unwithheldTax)}）`,
    );
  }
  return parts.join("。");
}

export function statementLayout(
  year: number,
  statement: Statement,
  payer: PayerSettings,
): PdfLayout {
  const title = statementTitle(year);
  return {
    title: `${title} ${statement.name}`,
    blocks: [
      { type: "title", text: title },
      { type: "heading", text: "支払を受ける者" },
      {
        type: "fields",
        rows: [
          { label: "住所（居所）又は所在地", value: statement.address },
          { label: "氏名又は名称", value: statement.name },
          { label: "個人番号又は法人番号", value: "" },
        ],
      },
      {
        type: "table",
        columns: [
          { label: "区分", width: 5 },
          { label: "細目", width: 5 },
          { label: "支払金額（内 未払金額）", width: 7, align: "right" },
          { label: "源泉徴収税額（内 未徴収税額）", width: 8, align: "right" },
        ],
        rows: statement.lines.map((line) => [
          line.category,
          line.detail,
          withInner(line.amount, line.unpaidAmount),
          withInner(line.withholdingTax, line.unwithheldTax),
        ]),
      },
      { type: "heading", text: "（摘要）" },
      { type: "box", text: remarks(statement) },
      { type: "heading", text: "支払者" },
      {
        type: "fields",
        rows: [
          { label: "住所（居所）又は所在地", value: payer.address },
          {
            label: "氏名又は名称",
            value: payer.phone ? `${payer.name}（電話）${payer.phone}` : payer.name,
          },
          { label: "個人番号又は法人番号", value: payer.corporateNumber },
        ],
      },
      { type: "fields", rows: [{ label: "整理欄", value: "①　　　　　　　　　②" }] },
    ],
  };
}

/** Every statement on its own page (or pages), in one PDF. */
export async function statementsPdf(
  result: AnnualStatements & { payer: PayerSettings },
  options: { font: Uint8Array; now: Date },
): Promise<Uint8Array> {
  const merged = await PDFDocument.create();
  merged.setTitle(statementTitle(result.year));
  merged.setLanguage("ja-JP");
  merged.setProducer("Shimebi");
  merged.setCreator("Shimebi");
  merged.setCreationDate(options.now);
  merged.setModificationDate(options.now);
  for (const statement of result.statements) {
    const bytes = await renderPdf(statementLayout(result.year, statement, result.payer), options);
    const one = await PDFDocument.load(bytes);
    for (const page of await merged.copyPages(one, one.getPageIndices())) merged.addPage(page);
  }
  return merged.save();
}

/**
 * One row per 区分 of each payee, headed by the items the NTA's 記録要領 names (the
 * submitter's items first, as every 法定調書 record has them, then the payee's in the form's
 * order): a file to check and to carry into 法定調書 software. It is not itself an e-Tax or
 * 光ディスク submission file, whose exact layout that software writes.
 */
export const STATEMENT_CSV_HEADER = [
  "法定資料の種類",
  "整理番号1",
  "本支店等区分番号",
  "提出義務者の住所（居所）又は所在地",
  "提出義務者の氏名又は名称",
  "提出義務者の電話番号",
  "整理番号2",
  "提出者の住所（居所）又は所在地",
  "提出者の氏名又は名称",
  "訂正表示",
  "年分",
  "支払を受ける者の住所（居所）又は所在地",
  "国外住所表示",
  "支払を受ける者の氏名又は名称",
  "区分",
  "細目",
  "支払金額",
  "未払金額",
  "源泉徴収税額",
  "未徴収税額",
  "摘要",
  "支払を受ける者の個人番号又は法人番号",
  "提出義務者の個人番号又は法人番号",
];

export function statementsCsv(result: AnnualStatements & { payer: PayerSettings }): string {
  const { payer } = result;
  const year = String(reiwaYear(result.year)).padStart(2, "0");
  const rows = result.statements.flatMap((statement) =>
    statement.lines.map((line) => [
      "309",
      "",
      "",
      payer.address,
      payer.name,
      payer.phone,
      "",
      "",
      "",
      "0",
      year,
      statement.address,
      "0",
      statement.name,
      line.category,
      line.detail,
      String(line.amount),
      String(line.unpaidAmount),
      String(line.withholdingTax),
      String(line.unwithheldTax),
      remarks(statement),
      "",
      payer.corporateNumber,
    ]),
  );
  return toCsv([STATEMENT_CSV_HEADER, ...rows]);
}
