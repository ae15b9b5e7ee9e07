import { describe, expect, it } from "vitest";
import { invoices } from "../db/schema";
import { testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";

// A schema's own words (a regex's, a refinement's) reach a Japanese reader in Japanese and an
// English one in English, with the field named first.

describe("a schema's own words", () => {
  it("answer in the caller's language", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t);
    const partner = await signIn(t, "partner@demo.shimebi.test");
    const owner = await signIn(t, "owner@demo.shimebi.test");
    const month = (lang: string) =>
      t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-8/invoice`, {
        token: partner,
        body: {},
        headers: { "accept-language": lang },
      });
    const ja = await month("ja");
    expect(ja.status).toBe(422);
    expect(ja.body.error.issues[0]).toMatchObject({
      path: "month",
      message: "month: 稼働月は YYYY-MM の形で入力してください（例: 2025-08）",
    });
    const en = await month("en");
    expect(en.body.error.issues[0].message).toBe(
      "month: Give the working month as YYYY-MM, such as 2025-08",
    );

    const search = await t.call(
      "GET",
      `/v1/companies/${ctx.companyId}/documents?minAmount=-5&from=2025/08/01`,
      { token: owner, headers: { "accept-language": "ja" } },
    );
    expect(search.status).toBe(422);
    const messages = search.body.error.issues.map((i: { message: string }) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "minAmount: 金額はマイナスにできません",
        "from: 日付は YYYY-MM-DD の形で入力してください（例: 2025-08-25）",
      ]),
    );

    const unread = await t.call("GET", "/v1/me/notifications?unread=yes", {
      token: partner,
      headers: { "accept-language": "ja" },
    });
    expect(unread.status).toBe(422);
    expect(unread.body.error.issues[0].message).toBe("unread: true か false を指定してください");
  });

  it("word zod's own bounds (a negative amount, too long a name) in the caller's language, once", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t);
    const partner = await signIn(t, "partner@demo.shimebi.test");
    const save = (lang: string) =>
      t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
        token: partner,
        body: {
          extraItems: [{ name: "休日対応", amount: -5000 }],
          expenses: [{ name: "交通費", amount: 2 ** 60 }],
          issuer: { name: "名".repeat(201) },
        },
        headers: { "accept-language": lang },
      });
    const ja = await save("ja");
    expect(ja.status).toBe(422);
    expect(ja.body.error.issues.map((i: { message: string }) => i.message)).toEqual([
      "extraItems.0.amount: 0以上にしてください",
      "expenses.0.amount: 9007199254740991以下にしてください",
      "issuer.name: 200文字以内で入力してください",
    ]);
    const en = await save("en");
    expect(en.body.error.issues.map((i: { message: string }) => i.message)).toEqual([
      "extraItems.0.amount must be 0 or more",
      "expenses.0.amount must be 9007199254740991 or less",
      "issuer.name must be at most 200 characters",
    ]);
    expect(await t.db.select().from(invoices)).toEqual([]);
  });

  it("rewords zod's own English defaults: an empty title, too many rows, a bare pattern", async () => {
    const t = await testApp();
    const ctx = await approvedContract(t);
    const owner = await signIn(t, "owner@demo.shimebi.test");
    const ja = { "accept-language": "ja" };
    const title = await t.call("PATCH", `/v1/orders/${ctx.orderId}`, {
      token: owner,
      body: { subject: "" },
      headers: ja,
    });
    expect(title.status).toBe(422);
    expect(title.body.error.issues[0].message).toBe("subject: 1文字以上で入力してください");
    const rows = await t.call("POST", `/v1/groups/${ctx.groupId}/contracts/bulk`, {
      token: owner,
      body: { rows: [] },
      headers: ja,
    });
    expect(rows.body.error.issues[0].message).toBe("rows: 1件以上必要です");
    const year = await t.call("GET", `/v1/companies/${ctx.companyId}/annual-statements/20x6`, {
      token: owner,
      headers: ja,
    });
    expect(year.status).toBe(422);
    expect(year.body.error.issues[0].message).toBe("year: 形式が正しくありません");
  });
});
