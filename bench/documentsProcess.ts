import { testApp } from "../worker/testing/app";
import { approvedInvoicesFor } from "../worker/testing/payments";

// Run by bench/documents.ts in a process of its own, so "first" means first in a fresh process:
// the font and the Zengin list are loaded by the calls timed here and by nothing before them.
// Prints one line of JSON with the timings in ms.

const WARM_RUNS = 30;

const t = await testApp();
const setup = await approvedInvoicesFor(t, { year: 2026, months: [1] });
const invoiceId = setup.invoices[0]?.id ?? "";
const headers = { authorization: `Bearer ${setup.partner}` };

async function timed(path: string): Promise<number> {
  const start = performance.now();
  const res = await t.app.request(path, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return performance.now() - start;
}

const pdfPath = `/v1/invoices/${invoiceId}/document.pdf`;
const bankPath = "/v1/banks?q=%E3%81%BF%E3%81%9A%E3%81%BB";
const health: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) health.push(await timed("/health"));
const firstPdf = await timed(pdfPath);
const pdfs: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) pdfs.push(await timed(pdfPath));
const firstBank = await timed(bankPath);
const banks: number[] = [];
for (let i = 0; i < WARM_RUNS; i++) banks.push(await timed(bankPath));
console.log(JSON.stringify({ health, firstPdf, pdfs, firstBank, banks }));
