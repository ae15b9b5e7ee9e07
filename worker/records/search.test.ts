import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies, contracts, invoices, users } from "../db/schema";
import type { InvoiceInputs } from "../invoices/rules";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// 電子帳簿保存法 search: transaction date, amount and counterparty alone and together, never a
// draft, never another company's, and one query per page whatever the number of documents.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
let ids: Record<string, string>;

type Seed = {
  key: string;
  contractId: string;
  partnerUserId: string;
  companyId: string;
  month: string;
  total: number;
  status: "draft" | "underReview" | "approved" | "returned";
  kind?: "invoice" | "paymentNotice";
};

async function contractFor(companyName: string, partnerEmail: string, closingDay: number) {
  const [base] = await t.db.select().from(contracts).where(eq(contracts.id, ctx.contractId));
  const [company] = await t.db.select().from(companies).where(eq(companies.name, companyName));
  const [partner] = await t.db.select().from(users).where(eq(users.email, partnerEmail));
  if (!base || !company || !partner) throw new Error("seed missing");
  const id = crypto.randomUUID();
  await t.db.insert(contracts).values({
    ...base,
    id,
    companyId: company.id,
    partnerUserId: partner.id,
    title: `保守 ${companyName}`,
    closingDay,
  });
  return { id, companyId: company.id, partnerUserId: partner.id };
}

async function seed(rows: Seed[]) {
  await t.db.insert(invoices).values(
    rows.map((r, i) => {
      const id = crypto.randomUUID();
      ids[r.key] = id;
      return {
        id,
        companyId: r.companyId,
        contractId: r.contractId,
        partnerUserId: r.partnerUserId,
        workingMonth: r.month,
        kind: r.kind ?? ("invoice" as const),
        number: r.status === "draft" ? null : `DOC-${i}`,
        issuerId: r.partnerUserId,
        status: r.status,
        inputs: {} as InvoiceInputs,
        total: r.total,
        contentHash: r.status === "draft" ? null : `hash-${r.key}`,
        submittedAt: r.status === "draft" ? null : new Date("2025-10-01T00:00:00Z"),
      };
    }),
  );
}

beforeEach(async () => {
  t = await testApp();
  ctx = await approvedContract(t);
  ids = {};
  const a = {
    contractId: ctx.contractId,
    partnerUserId: ctx.partnerUserId,
    companyId: ctx.companyId,
  };
  const b = await contractFor("Demo", "partner@other.shimebi.test", 31);
  const other = await contractFor("Other", "partner@other.shimebi.test", 31);
  const bRow = { contractId: b.id, partnerUserId: b.partnerUserId, companyId: b.companyId };
  await seed([
    { key: "aug", ...a, month: "2025-08", total: 1_100_000, status: "approved" },
    { key: "sep", ...a, month: "2025-09", total: 990_000, status: "underReview" },
    { key: "draft", ...a, month: "2025-10", total: 500_000, status: "draft" },
    {
      key: "bAug",
      ...bRow,
      month: "2025-08",
      total: 300_000,
      status: "approved",
      kind: "paymentNotice",
    },
    { key: "bSep", ...bRow, month: "2025-09", total: 50_000, status: "returned" },
    {
      key: "outsider",
      contractId: other.id,
      partnerUserId: other.partnerUserId,
      companyId: other.companyId,
      month: "2025-08",
      total: 1_100_000,
      status: "approved",
    },
  ]);
});

async function search(query: string, token = ctx.owner) {
  return t.call("GET", `/v1/companies/${ctx.companyId}/documents?${query}`, { token });
}

const keysOf = (items: { id: string }[]) =>
  items.map((item) => Object.keys(ids).find((key) => ids[key] === item.id));

describe("GET /v1/companies/{companyId}/documents", () => {
  it("lists every submitted document of the company, newest transaction date first", async () => {
    const res = await search("");
    expect(res.status).toBe(200);
    expect(keysOf(res.body.items)).toEqual(["bSep", "sep", "bAug", "aug"]);
    expect(res.body.items[3]).toEqual({
      id: ids.aug,
      kind: "invoice",
      number: "DOC-0",
      status: "approved",
      workingMonth: "2025-08",
      transactionDate: "2025-08-25",
      total: 1_100_000,
      counterparty: "田中 美咲",
      contractTitle: "SES 開発支援",
      submittedAt: "2025-10-01T00:00:00.000Z",
      decidedAt: null,
      contentHash: "hash-aug",
    });
    // Closing day 31: the month's last day, 30 in September.
    expect(res.body.items[0].transactionDate).toBe("2025-09-30");
  });

  it("filters by transaction date range alone", async () => {
    const res = await search("from=2025-08-01&to=2025-08-31");
    expect(keysOf(res.body.items)).toEqual(["bAug", "aug"]);
    const edge = await search("from=2025-08-26&to=2025-09-25");
    expect(keysOf(edge.body.items)).toEqual(["sep", "bAug"]);
  });

  it("filters by amount range alone, bounds included", async () => {
    const res = await search("minAmount=300000&maxAmount=990000");
    expect(keysOf(res.body.items)).toEqual(["sep", "bAug"]);
  });

  it("filters by counterparty name or email, any case, wildcards literal", async () => {
    expect(keysOf((await search(`counterparty=${encodeURIComponent("商事")}`)).body.items)).toEqual(
      ["bSep", "bAug"],
    );
    expect(keysOf((await search("counterparty=PARTNER%40DEMO")).body.items)).toEqual([
      "sep",
      "aug",
    ]);
    expect((await search("counterparty=%25")).body.items).toEqual([]);
    expect((await search("counterparty=_")).body.items).toEqual([]);
  });

  it("combines date, amount, counterparty, kind and status", async () => {
    const res = await search(
      "from=2025-08-01&to=2025-09-30&minAmount=100000&maxAmount=2000000&counterparty=other",
    );
    expect(keysOf(res.body.items)).toEqual(["bAug"]);
    expect(keysOf((await search("kind=paymentNotice")).body.items)).toEqual(["bAug"]);
    expect(keysOf((await search("status=returned")).body.items)).toEqual(["bSep"]);
  });

  it("pages with a cursor", async () => {
    const first = await search("limit=3");
    expect(keysOf(first.body.items)).toEqual(["bSep", "sep", "bAug"]);
    const next = await search(`limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(keysOf(next.body.items)).toEqual(["aug"]);
    expect(next.body.nextCursor).toBeNull();
  });

  it("never shows a draft, and refuses to search for one", async () => {
    const res = await search("limit=500");
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.draft);
    expect((await search("status=draft")).status).toBe(422);
  });

  it("never shows another company's documents; an outsider gets 404", async () => {
    const res = await search("counterparty=other");
    expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(ids.outsider);
    const outsider = await signIn(t, "owner@other.shimebi.test");
    expect((await search("", outsider)).status).toBe(404);
    expect((await search("", ctx.partner)).status).toBe(403);
  });

  it("refuses from after to and minAmount above maxAmount, naming the field", async () => {
    const dates = await search("from=2025-09-01&to=2025-08-01");
    expect(dates.status).toBe(422);
    expect(dates.body.error.issues[0].path).toBe("from");
    const amounts = await search("minAmount=10&maxAmount=5");
    expect(amounts.status).toBe(422);
    expect(amounts.body.error.issues[0].path).toBe("minAmount");
    const bad = await search("minAmount=abc&limit=501");
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "limit",
      "minAmount",
    ]);
  });
});

describe("GET /v1/companies/{companyId}/documents.csv", () => {
  it("exports the same filters as CSV with a BOM, a Japanese header and CRLF", async () => {
    const res = await t.app.request(
      `/v1/companies/${ctx.companyId}/documents.csv?from=2025-08-01&to=2025-09-30`,
      { headers: { authorization: `Bearer ${ctx.owner}` } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM it reads, as Excel does.
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe(
      "種別,番号,状態,稼働月,取引日,金額,取引先,契約,提出日時,決定日時,ハッシュ",
    );
    expect(lines.slice(1, -1)).toHaveLength(4);
    expect(lines.at(-1)).toBe("");
    expect(lines).toContain(
      "請求書,DOC-0,承認済み,2025-08,2025-08-25,1100000,田中 美咲,SES 開発支援,2025-10-01T00:00:00.000Z,,hash-aug",
    );
    expect(lines[2]).toMatch(/^請求書,DOC-1,確認中,/);
  });
});

describe("query count", () => {
  it("is the same for 1 document as for 20", async () => {
    const count = async () => {
      const client = t.db.$client;
      const execute = client.execute.bind(client);
      let n = 0;
      client.execute = ((...args: Parameters<typeof execute>) => {
        n++;
        return execute(...args);
      }) as typeof client.execute;
      try {
        const res = await search("limit=500&kind=invoice&counterparty=demo");
        return { n, items: res.body.items.length as number };
      } finally {
        client.execute = execute;
      }
    };
    await t.db.delete(invoices).where(eq(invoices.id, ids.aug ?? ""));
    const one = await count();
    await t.db.insert(invoices).values(
      Array.from({ length: 19 }, (_, i) => ({
        companyId: ctx.companyId,
        contractId: ctx.contractId,
        partnerUserId: ctx.partnerUserId,
        workingMonth: `2030-${String((i % 12) + 1).padStart(2, "0")}`.replace(
          "2030",
          String(2030 + Math.floor(i / 12)),
        ),
        kind: "invoice" as const,
        number: `X-${i}`,
        issuerId: ctx.partnerUserId,
        status: "approved" as const,
        inputs: {} as InvoiceInputs,
        total: 1000,
      })),
    );
    const twenty = await count();
    expect([one.items, twenty.items]).toEqual([1, 20]);
    expect(twenty.n).toBe(one.n);
    expect(one.n).toBeGreaterThan(0);
  });
});
