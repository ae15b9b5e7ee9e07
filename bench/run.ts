import { benchDocuments } from "./documents";
import { benchEngine } from "./engine";
import { benchHttp } from "./http";
import { benchInvoiceList } from "./invoiceList";
import { benchSync } from "./sync";

// npm run bench: every figure with the baseline it is compared against, measured in this run.
// A missed target is named in the last line; the exit code stays 0 (the machine is shared and
// the figures noisy), so read that line.

console.log(`Shimebi benchmarks (node ${process.version}, ${new Date().toISOString()})`);
const engine = benchEngine();
const http = await benchHttp();
const sync = await benchSync();
const invoiceList = await benchInvoiceList();
const documents = benchDocuments();
const missed = [
  engine.heavyP95Ms >= 16 &&
    `engine 10,000 entries p95 ${engine.heavyP95Ms.toFixed(1)} ms >= 16 ms`,
  ...http.map((t) => t.ratio < t.target && `${t.name} ${t.ratio.toFixed(2)}x < ${t.target}x`),
  sync.ratio > 3 && `month sync ${sync.ratio.toFixed(1)}x the bare insert > 3x`,
  !invoiceList.constant && "invoice list queries per request grow with the list",
  ...documents.missed,
].filter(Boolean);
console.log(missed.length ? `\nMISSED: ${missed.join("; ")}` : "\nAll targets met.");
