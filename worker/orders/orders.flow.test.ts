import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { companies, groups, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { snapshot, type TestApp, testApp } from "../testing/app";

// Issue 5's path: the seed's hour-range contract, its order returned, revised, resent and
// approved, with a verifiable history; and the refusals.

let t: TestApp;
let owner: string;
let partner: string;
let groupId: string;
let companyId: string;
let partnerUserId: string;

async function login(email: string) {
  const res = await t.call("POST", "/v1/auth/login", { body: { email, password: "shimebi-demo" } });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, "shimebi-demo");
  t.clock.now = new Date("2025-07-20T01:00:00Z");
  owner = await login("owner@demo.shimebi.test");
  partner = await login("partner@demo.shimebi.test");
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(eq(groups.companyId, company?.id ?? ""));
  const [user] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  companyId = company?.id ?? "";
  groupId = group?.id ?? "";
  partnerUserId = user?.id ?? "";
});

/** The seed's example: 1,000,000 yen, 100-120 h, closing day 25, per-month terms. */
function hourRangeContract(months = ["2025-08", "2025-09"]) {
  return {
    title: "SES 開発支援",
    partnerUserId,
    contractType: "quasiMandate",
    scope: "Webアプリケーションの開発支援",
    deliverables: "",
    workPlace: "リモート",
    startDate: "2025-07-26",
    endDate: "2025-09-25",
    closingDay: 25,
    paymentTerms: { monthsAfter: 1, day: 31 },
    autoRenewal: false,
    billingMode: "invoice",
    settlementUnit: 30,
    conditions: {
      costCategories: [
        {
          id: "ses",
          name: "月額固定",
          type: "monthlyRange",
          monthlyFee: 1000000,
          lowerHours: 100,
          upperHours: 120,
          excessRate: 8000,
          deductionRate: 0,
          months: [
            { month: months[0], monthlyFee: 1000000, lowerHours: 100, upperHours: 120 },
            { month: months[1], monthlyFee: 900000, lowerHours: 90, upperHours: 110 },
          ],
        },
      ],
    },
  };
}

async function contractWithDraft(months?: string[]) {
  const contract = await t.call("POST", `/v1/groups/${groupId}/contracts`, {
    token: owner,
    body: hourRangeContract(months),
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  expect(contract.body.status.code).toBe("orderNotCreated");
  const order = await t.call("POST", `/v1/contracts/${contract.body.id}/orders`, {
    token: owner,
    body: {},
  });
  expect(order.status).toBe(201);
  return { contractId: contract.body.id as string, orderId: order.body.id as string };
}

describe("the hour-range purchase order, end to end", () => {
  it("is sent, returned, revised, resent and approved, with each step in a valid chain", async () => {
    const { contractId, orderId } = await contractWithDraft();
    expect(
      (await t.call("GET", `/v1/contracts/${contractId}`, { token: owner })).body.status.code,
    ).toBe("orderNotSent");
    // The partner does not see a draft.
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: partner })).status).toBe(404);

    const draft = await t.call("GET", `/v1/orders/${orderId}`, { token: owner });
    const remarks = (draft.body.document.remarks as string[]).join("\n");
    expect(remarks).toContain("1,000,000円");
    expect(remarks).toContain("100時間");
    expect(remarks).toContain("120時間");
    expect(remarks).toContain("8,000円");
    expect(remarks).toContain("ー"); // the deduction rate of 0
    expect(remarks).toContain("2025年9月");
    expect(remarks).toContain("900,000円");
    expect(draft.body.document.workingMonths).toEqual(["2025-08", "2025-09"]);

    const sent = await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.status).toBe("underReview");
    expect(
      (await t.call("GET", `/v1/contracts/${contractId}`, { token: partner })).body.status.code,
    ).toBe("waitingForApproval");
    const bell = await t.call("GET", "/v1/me/notifications", { token: partner });
    expect(bell.body.items[0].kind).toBe("order.sent");

    const noReason = await t.call("POST", `/v1/orders/${orderId}/return`, {
      token: partner,
      body: { reason: " " },
    });
    expect(noReason.status).toBe(422);
    const returned = await t.call("POST", `/v1/orders/${orderId}/return`, {
      token: partner,
      body: { reason: "稼働場所の記載が違います" },
    });
    expect(returned.body).toMatchObject({
      status: "returned",
      returnReason: "稼働場所の記載が違います",
    });
    // The company alone approves nothing; the partner cannot send.
    expect(
      (await t.call("POST", `/v1/orders/${orderId}/approve`, { token: owner, body: {} })).status,
    ).toBe(403);
    expect((await t.call("POST", `/v1/orders/${orderId}/send`, { token: partner })).status).toBe(
      403,
    );

    const revised = await t.call("PATCH", `/v1/orders/${orderId}`, {
      token: owner,
      body: { remarks: "稼働場所: 東京本社" },
    });
    expect(revised.status).toBe(200);
    const resent = await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    expect(resent.body).toMatchObject({ status: "underReview", revision: 2 });

    const approved = await t.call("POST", `/v1/orders/${orderId}/approve`, {
      token: partner,
      body: {},
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe("approved");
    expect(approved.body.confirmation).toMatchObject({
      fullName: "田中 美咲",
      address: "東京都千代田区丸の内1-1-1",
    });
    expect(
      (await t.call("GET", `/v1/contracts/${contractId}`, { token: owner })).body.status.code,
    ).toBe("inContract");
    // An approved order is never edited.
    expect(
      (await t.call("PATCH", `/v1/orders/${orderId}`, { token: owner, body: { remarks: "x" } }))
        .status,
    ).toBe(409);

    const history = await t.call(
      "GET",
      `/v1/companies/${companyId}/history?documentType=purchaseOrder`,
      { token: owner },
    );
    expect(history.body.map((e: { event: string }) => e.event)).toEqual([
      "sent",
      "returned",
      "resent",
      "approved",
    ]);
    expect(history.body[1].details).toMatchObject({ reason: "稼働場所の記載が違います" });
    const verify = await t.call("GET", `/v1/companies/${companyId}/history/verify`, {
      token: owner,
    });
    expect(verify.body).toMatchObject({ valid: true, events: 4, breaks: [] });

    const page = await t.app.request(`/v1/orders/${orderId}/document`, {
      headers: { authorization: `Bearer ${partner}` },
    });
    const text = await page.text();
    expect(text).toContain("発注書");
    expect(text).toContain("発注請書");
    expect(text).not.toContain("承認済み");
    expect(text).toContain("稼働場所: 東京本社");
  });

  it("names a tampered history row, and refuses to change one outright", async () => {
    const { orderId } = await contractWithDraft();
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    await t.call("POST", `/v1/orders/${orderId}/return`, {
      token: partner,
      body: { reason: "金額" },
    });
    await expect(
      t.db.$client.execute("update history_events set amount = 1 where seq = 1"),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.$client.execute("delete from history_events")).rejects.toThrow(/append-only/);
    // Someone with the database file in hand drops the guard and edits a row.
    await t.db.$client.execute("drop trigger history_events_no_update");
    await t.db.$client.execute("update history_events set amount = 1 where seq = 1");
    const verify = await t.call("GET", `/v1/companies/${companyId}/history/verify`, {
      token: owner,
    });
    expect(verify.body.valid).toBe(false);
    expect(verify.body.breaks).toEqual([
      expect.objectContaining({
        seq: 1,
        event: "sent",
        reason: expect.stringContaining("changed"),
      }),
    ]);
  });
});

describe("a change of conditions", () => {
  it("refuses a change of conditions after the contract's last working month, changing nothing", async () => {
    const { contractId, orderId } = await contractWithDraft();
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    const before = await snapshot(t.db);
    const late = await t.call("POST", `/v1/contracts/${contractId}/conditions`, {
      token: owner,
      body: {
        effectiveFrom: "9999-01",
        costCategories: [{ id: "dev", type: "hourly", unitPrice: 6000 }],
      },
      headers: { "accept-language": "ja" },
    });
    expect(late.status).toBe(422);
    expect(late.body.error.issues).toContainEqual({
      path: "effectiveFrom",
      message: "変更はこの契約の稼働月（2025年9月まで）から始めてください",
    });
    expect(await snapshot(t.db)).toEqual(before);
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: partner })).body.status).toBe(
      "underReview",
    );
  });

  it("supersedes the order under review, records it, and makes a new draft", async () => {
    const { contractId, orderId } = await contractWithDraft();
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    const change = await t.call("POST", `/v1/contracts/${contractId}/conditions`, {
      token: owner,
      body: {
        effectiveFrom: "2025-08",
        costCategories: [{ id: "dev", type: "hourly", unitPrice: 6000 }],
      },
    });
    expect(change.status, JSON.stringify(change.body)).toBe(201);
    expect(change.body).toMatchObject({ status: "draft", number: "PO-000002" });
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: partner })).body.status).toBe(
      "superseded",
    );
    // The superseded order can no longer be approved.
    expect(
      (await t.call("POST", `/v1/orders/${orderId}/approve`, { token: partner, body: {} })).status,
    ).toBe(409);
    const history = await t.call(
      "GET",
      `/v1/companies/${companyId}/history?documentType=purchaseOrder`,
      {
        token: owner,
      },
    );
    expect(history.body.map((e: { event: string }) => e.event)).toEqual(["sent", "superseded"]);
    const verify = await t.call("GET", `/v1/companies/${companyId}/history/verify`, {
      token: owner,
    });
    expect(verify.body.valid).toBe(true);
  });
});

describe("refusals", () => {
  it("refuses a second send in the caller's language, Japanese to any language", async () => {
    const { orderId } = await contractWithDraft();
    expect((await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner })).status).toBe(200);
    const again = await t.call("POST", `/v1/orders/${orderId}/send`, {
      token: owner,
      headers: { "accept-language": "*" },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      "確認中の発注書は送付できません（送付できるのは下書きの発注書のみです）。",
    );
    expect(again.body.error.issues[0]).toMatchObject({
      path: "status",
      message: again.body.error.message,
    });
    const english = await t.call("POST", `/v1/orders/${orderId}/send`, {
      token: owner,
      headers: { "accept-language": "en" },
    });
    expect(english.body.error.message).toMatch(/^This purchase order is under review/);
  });

  it("refuses approval after the contract's end date, and the order expires", async () => {
    const { orderId } = await contractWithDraft();
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    t.clock.now = new Date("2025-09-25T14:59:59Z"); // 23:59:59 JST on the end date: still fine
    partner = await login("partner@demo.shimebi.test"); // a session lasts 30 days
    const check = await t.call("GET", `/v1/orders/${orderId}`, { token: partner });
    expect(check.body.status).toBe("underReview");
    t.clock.now = new Date("2025-09-25T15:00:00Z"); // 00:00 JST the next day
    const late = await t.call("POST", `/v1/orders/${orderId}/approve`, {
      token: partner,
      body: {},
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("2025-09-25");
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: partner })).body.status).toBe(
      "expired",
    );
  });

  it("refuses approval without an address, phone or bank account", async () => {
    const { orderId } = await contractWithDraft();
    await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    await t.db.update(users).set({ address: null, phone: null }).where(eq(users.id, partnerUserId));
    const accounts = await t.call("GET", "/v1/me/bank-accounts", { token: partner });
    for (const account of accounts.body) {
      await t.call("DELETE", `/v1/me/bank-accounts/${account.id}`, { token: partner });
    }
    const res = await t.call("POST", `/v1/orders/${orderId}/approve`, { token: partner, body: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "address",
      "phone",
      "bankAccountId",
    ]);
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: partner })).body.status).toBe(
      "underReview",
    );
  });

  it("refuses to send per-month terms for a month that is not a working month", async () => {
    const { orderId } = await contractWithDraft(["2025-07", "2025-08"]);
    const res = await t.call("POST", `/v1/orders/${orderId}/send`, { token: owner });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("wrong_working_months");
    expect(JSON.stringify(res.body.error.issues)).toContain("2025-07");
    expect((await t.call("GET", `/v1/orders/${orderId}`, { token: owner })).body.status).toBe(
      "draft",
    );
  });
});
