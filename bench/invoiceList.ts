import { eq } from "drizzle-orm";
import { contracts, invoices } from "../worker/db/schema";
import type { InvoiceInputs } from "../worker/invoices/rules";
import { testApp } from "../worker/testing/app";
import { approvedContract } from "../worker/testing/contracts";
import { fmt, row } from "./measure";

// The company's invoice list and the 電子帳簿保存法 document search with 10,000 invoices
// (100 contracts x 100 working months, inserted directly), through the app with auth: the
// time per request, and the statements sent to libSQL per request, which must not grow with
// the number of invoices (no N+1).

const CONTRACTS = 100;
const MONTHS = 100;
const RUNS = 20;
const CHUNK = 500;

const median = (values: number[]) => values.slice().sort((a, b) => a - b)[values.length >> 1] ?? 0;
const monthOf = (m: number) =>
  `${2030 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;

export async function benchInvoiceList(): Promise<{ constant: boolean }> {
  console.log(
    `\nCompany invoice list, ${fmt(CONTRACTS * MONTHS)} invoices (libSQL temp file, median of ${RUNS})`,
  );
  const t = await testApp();
  const c = await approvedContract(t);
  const [base] = await t.db.select().from(contracts).where(eq(contracts.id, c.contractId));
  if (!base) throw new Error("no contract");
  const contractIds = Array.from({ length: CONTRACTS }, () => crypto.randomUUID());
  await t.db
    .insert(contracts)
    .values(contractIds.map((id, i) => ({ ...base, id, title: `契約 ${i}` })));

  let seeded = 0;
  const seed = async (count: number) => {
    for (let start = seeded; start < seeded + count; start += CHUNK) {
      const end = Math.min(seeded + count, start + CHUNK);
      await t.db.insert(invoices).values(
        Array.from({ length: end - start }, (_, k) => {
          const n = start + k;
          return {
            companyId: c.companyId,
            contractId: contractIds[n % CONTRACTS] ?? "",
            partnerUserId: c.partnerUserId,
            workingMonth: monthOf(Math.floor(n / CONTRACTS)),
            kind: "invoice" as const,
            number: `INV-${String(n + 1).padStart(6, "0")}`,
            issuerId: c.partnerUserId,
            status: n % 3 === 0 ? ("underReview" as const) : ("approved" as const),
            inputs: {} as InvoiceInputs,
            total: 1000 * ((n % 1000) + 1),
            contentHash: `hash-${n}`,
            submittedAt: new Date(Date.UTC(2030, 0, 1) + n * 1000),
            createdAt: new Date(Date.UTC(2030, 0, 1) + n * 1000),
          };
        }),
      );
    }
    seeded += count;
  };

  // Every statement the app sends, by wrapping the client (the proxy allows reassignment).
  const client = t.db.$client;
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  let statements = 0;
  client.execute = ((...args: Parameters<typeof execute>) => {
    statements++;
    return execute(...args);
  }) as typeof client.execute;
  client.batch = ((...args: Parameters<typeof batch>) => {
    statements++;
    return batch(...args);
  }) as typeof client.batch;

  const paths = {
    invoices: `/v1/companies/${c.companyId}/invoices?limit=200`,
    documents: `/v1/companies/${c.companyId}/documents?limit=500`,
  };
  const get = async (path: string, expected?: number) => {
    const res = await t.app.request(path, { headers: { authorization: `Bearer ${c.owner}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items?: unknown[] };
    if (expected !== undefined && body.items?.length !== expected)
      throw new Error(`${path}: ${body.items?.length} items, expected ${expected}`);
  };
  const queriesOf = async (path: string, expected: number) => {
    const before = statements;
    await get(path, expected);
    return statements - before;
  };

  await seed(10);
  const few = {
    invoices: await queriesOf(paths.invoices, 10),
    documents: await queriesOf(paths.documents, 10),
  };
  await seed(CONTRACTS * MONTHS - 10);
  const many = {
    invoices: await queriesOf(paths.invoices, 200),
    documents: await queriesOf(paths.documents, 500),
  };
  const times = async (path: string, expected?: number) => {
    await get(path, expected); // warm-up
    const ms: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await get(path, expected);
      ms.push(performance.now() - start);
    }
    return median(ms);
  };
  const health = await times("/health");
  const invoiceMs = await times(paths.invoices, 200);
  const documentMs = await times(paths.documents, 500);
  client.execute = execute;
  client.batch = batch;

  const constant = few.invoices === many.invoices && few.documents === many.documents;
  const baseline = health;
  row("baseline: GET /health through the app", `${fmt(health, 2)} ms`);
  row(
    "GET company invoices?limit=200",
    `${fmt(invoiceMs, 1)} ms`,
    `ratio ${fmt(invoiceMs / baseline, 1)}`,
  );
  row(
    "GET company documents?limit=500 (search)",
    `${fmt(documentMs, 1)} ms`,
    `ratio ${fmt(documentMs / baseline, 1)}`,
  );
  for (const name of ["invoices", "documents"] as const) {
    const equal = few[name] === many[name];
    row(
      `queries per ${name} request, 10 vs 10,000`,
      `${few[name]} vs ${many[name]}`,
      `constant: ${equal ? "met" : "MISSED"}`,
    );
  }
  return { constant };
}
