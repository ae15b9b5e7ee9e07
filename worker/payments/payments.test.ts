import { eq } from "drizzle-orm";
import Encoding from "encoding-japanese";
import { beforeEach, describe, expect, it } from "vitest";
import { bankAccounts, historyEvents } from "../db/schema";
import { type TestApp, testApp } from "../testing/app";
import { approvedInvoicesFor } from "../testing/payments";

// A run built from approved invoices through the API, and its 全銀 file checked byte by byte.

const TRANSFER = {
  consignorCode: "１２３４５６７８９０",
  consignorName: "かぶしきがいしゃ　でも",
  bankCode: "0001",
  branchCode: "001",
  accountType: "checking",
  accountNumber: "7654321",
  lineEnding: "crlf",
};

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
});

async function setUp() {
  // January 2026: 10 h x 5,000 = 50,000 + 10 % = 55,000; withholding floor(55,000 x 10.21 %)
  // = 5,615; expenses 1,240: payable 50,625. Due 2026-02-28, a Saturday: paid on Friday 27th.
  const setup = await approvedInvoicesFor(t, {
    year: 2026,
    months: [1],
    expenses: [{ name: "交通費", amount: 1240 }],
    dueDate: () => "2026-02-28",
  });
  const settings = await t.call("PUT", `/v1/companies/${setup.companyId}/settings`, {
    token: setup.owner,
    body: { transfer: TRANSFER },
  });
  expect(settings.status, JSON.stringify(settings.body)).toBe(200);
  return setup;
}

const decode = (bytes: Uint8Array) =>
  Encoding.codeToString(Encoding.convert(Array.from(bytes), { to: "UNICODE", from: "SJIS" }));

async function download(path: string, token: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    bytes: new Uint8Array(await res.arrayBuffer()),
    headers: res.headers,
  };
}

describe("payment runs", () => {
  it("gathers what is due on a business day, once, and writes the 全銀 file byte by byte", async () => {
    const { companyId, owner } = await setUp();
    const runs = `/v1/companies/${companyId}/payment-runs`;

    const holiday = await t.call("POST", runs, {
      token: owner,
      body: { paymentDate: "2026-02-28" },
      headers: { "accept-language": "ja" },
    });
    expect(holiday.status).toBe(422);
    expect(holiday.body.error.issues[0].message).toBe(
      "2026-02-28 は銀行休業日です。前営業日の 2026-02-27 を指定してください",
    );

    const run = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-02-27" } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    expect(run.body.items).toHaveLength(1);
    expect(run.body.items[0]).toMatchObject({
      amount: 50625,
      status: "pending",
      channel: "domestic",
    });
    expect(run.body.transfer).toEqual({ count: 1, total: 50625 });
    const again = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-02-27" } });
    expect(again.body.id).toBe(run.body.id);
    expect(again.body.items).toHaveLength(1);

    const file = await download(`${runs}/${run.body.id}/zengin`, owner);
    expect(file.status).toBe(200);
    expect(file.bytes.length).toBe(4 * 122);
    const text = decode(file.bytes);
    const records = text.split("\r\n");
    expect(records.at(-1)).toBe("");
    const [header = "", data = "", trailer = "", end = ""] = records;
    for (const record of [header, data, trailer, end]) expect(record).toHaveLength(120);
    // Header: 1, 21 総合振込, 0 JIS, 委託者コード, 委託者名, MMDD, the company's own account.
    expect(header.slice(0, 4)).toBe("1210");
    expect(header.slice(4, 14)).toBe("1234567890");
    expect(header.slice(14, 54)).toBe("ｶﾌﾞｼｷｶﾞｲｼﾔ ﾃﾞﾓ".padEnd(40, " "));
    expect(header.slice(54, 58)).toBe("0227");
    expect(header.slice(58, 62)).toBe("0001");
    expect(header.slice(62, 77)).toBe("ﾐｽﾞﾎ".padEnd(15, " "));
    expect(header.slice(77, 80)).toBe("001");
    expect(header.slice(80, 95)).toBe("ﾄｳｷﾖｳ".padEnd(15, " "));
    expect(header.slice(95, 96)).toBe("2");
    expect(header.slice(96, 103)).toBe("7654321");
    expect(header.slice(103)).toBe(" ".repeat(17));
    // Data: the partner's account from the seed, the payable right-aligned and zero-filled.
    expect(data.slice(0, 1)).toBe("2");
    expect(data.slice(1, 5)).toBe("0001");
    expect(data.slice(5, 20)).toBe("ﾐｽﾞﾎ".padEnd(15, " "));
    expect(data.slice(20, 23)).toBe("001");
    expect(data.slice(23, 38)).toBe("ﾄｳｷﾖｳ".padEnd(15, " "));
    expect(data.slice(38, 42)).toBe("0000");
    expect(data.slice(42, 43)).toBe("1");
    expect(data.slice(43, 50)).toBe("1234567");
    expect(data.slice(50, 80)).toBe("ﾀﾅｶ ﾐｻｷ".padEnd(30, " "));
    expect(data.slice(80, 90)).toBe("0000050625");
    expect(data.slice(90, 91)).toBe("0");
    expect(data.slice(91, 111)).toBe("0".repeat(20));
    expect(data.slice(111, 113)).toBe("7 ");
    expect(data.slice(113)).toBe(" ".repeat(7));
    expect(trailer).toBe(`8000001000000050625${" ".repeat(101)}`);
    expect(end).toBe(`9${" ".repeat(119)}`);
    // Shift_JIS: half-width kana are single bytes 0xA1-0xDF (ﾀ is 0xC0), CRLF after each record.
    const dataBytes = file.bytes.slice(122, 244);
    expect(dataBytes[50]).toBe(0xc0);
    expect([dataBytes[120], dataBytes[121]]).toEqual([0x0d, 0x0a]);
    expect(file.bytes.every((b) => b < 0x80 || (b >= 0xa1 && b <= 0xdf))).toBe(true);

    // No line ending at the bank's choice: records follow each other, 120 bytes each.
    await t.call("PUT", `/v1/companies/${companyId}/settings`, {
      token: owner,
      body: { transfer: { ...TRANSFER, lineEnding: "none" } },
    });
    const plain = await download(`${runs}/${run.body.id}/zengin`, owner);
    expect(plain.bytes.length).toBe(480);
    expect(decode(plain.bytes)).toBe(records.slice(0, 4).join(""));
  });

  it("names the partner whose account a transfer cannot carry, before any file is made", async () => {
    const { companyId, owner, partnerUserId } = await setUp();
    const runs = `/v1/companies/${companyId}/payment-runs`;
    const run = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-02-27" } });
    await t.db
      .update(bankAccounts)
      .set({ holderName: "田中 美咲" })
      .where(eq(bankAccounts.userId, partnerUserId));
    const refused = await t.call("GET", `${runs}/${run.body.id}/zengin`, {
      token: owner,
      headers: { "accept-language": "ja" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toHaveLength(1);
    expect(refused.body.error.issues[0].path).toBe("items.0.holderName");
    expect(refused.body.error.issues[0].message).toMatch(
      /^田中 美咲（INV-\d+）：口座名義「田中 美咲」/,
    );
    const shown = await t.call("GET", `${runs}/${run.body.id}`, { token: owner });
    expect(shown.body.problems).toHaveLength(1);
  });

  it("lists overseas accounts apart, with no Zengin record", async () => {
    const { companyId, owner, partnerUserId } = await setUp();
    await t.db
      .update(bankAccounts)
      .set({ kind: "overseas", bankCode: null, branchCode: null, swiftCode: "MIDLGB22" })
      .where(eq(bankAccounts.userId, partnerUserId));
    const runs = `/v1/companies/${companyId}/payment-runs`;
    const run = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-02-27" } });
    expect(run.body.overseas).toHaveLength(1);
    expect(run.body.transfer).toEqual({ count: 0, total: 0 });
    const file = await t.call("GET", `${runs}/${run.body.id}/zengin`, { token: owner });
    expect(file.status).toBe(409);
  });

  it("records payment in the history; a failed transfer goes into the next run", async () => {
    const { companyId, owner, invoices } = await setUp();
    const runs = `/v1/companies/${companyId}/payment-runs`;
    const run = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-02-27" } });
    const paid = await t.call("POST", `${runs}/${run.body.id}/paid`, { token: owner });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe("paid");
    expect(paid.body.items[0].status).toBe("paid");
    await t.call("POST", `${runs}/${run.body.id}/paid`, { token: owner });
    const events = await t.db
      .select()
      .from(historyEvents)
      .where(eq(historyEvents.documentId, invoices[0]?.id ?? ""));
    expect(events.filter((e) => e.event === "paid")).toHaveLength(1);
    expect(JSON.parse(events.find((e) => e.event === "paid")?.details ?? "{}")).toMatchObject({
      amountPaid: 50625,
      paymentDate: "2026-02-27",
    });

    const nothing = await t.call("POST", runs, {
      token: owner,
      body: { paymentDate: "2026-03-31" },
    });
    expect(nothing.status).toBe(422);

    const itemId = paid.body.items[0].id;
    const failed = await t.call("POST", `${runs}/${run.body.id}/items/${itemId}/failed`, {
      token: owner,
      body: { reason: "受取人名相違" },
    });
    expect(failed.status).toBe(200);
    expect(failed.body).toMatchObject({ status: "failed", failureReason: "受取人名相違" });
    const next = await t.call("POST", runs, { token: owner, body: { paymentDate: "2026-03-31" } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.items).toEqual([
      expect.objectContaining({ invoiceId: invoices[0]?.id, amount: 50625, status: "pending" }),
    ]);
    const verify = await t.call("GET", `/v1/companies/${companyId}/history/verify`, {
      token: owner,
    });
    expect(verify.body.valid).toBe(true);
  });
});
