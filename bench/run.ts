import { benchEngine } from "./engine";
import { benchHttp } from "./http";
import { benchInvoiceList } from "./invoiceList";
import { benchSync } from "./sync";

// npm run bench: every figure with the baseline it is compared against, measured in this run.

console.log(`Shimebi benchmarks (node ${process.version}, ${new Date().toISOString()})`);
const engine = benchEngine();
const http = await benchHttp();
const sync = await benchSync();
const invoiceList = await benchInvoiceList();
const missed = [
  engine.heavyP95Ms >= 16 && "engine 10,000 entries",
  http.ratio < 0.5 && "quote/health ratio",
  sync.ratio > 3 && "month sync/bare insert ratio",
  !invoiceList.constant && "invoice list queries per request",
].filter(Boolean);
console.log(missed.length ? `\nMissed: ${missed.join(", ")}` : "\nAll targets met.");
