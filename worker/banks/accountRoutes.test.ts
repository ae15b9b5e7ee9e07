import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { bankAccounts, users } from "../db/schema";
import { seedDemo } from "../db/seed";
import { snapshot, type TestApp, testApp } from "../testing/app";

const PASSWORD = "shimebi-demo";
const PARTNER = "partner@demo.shimebi.test";

let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await seedDemo(t.db, PASSWORD);
});

async function signIn(email: string): Promise<string> {
  const login = await t.call("POST", "/v1/auth/login", { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return login.body.token;
}

async function rowsOf(email: string) {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  return t.db
    .select()
    .from(bankAccounts)
    .where(eq(bankAccounts.userId, user?.id ?? ""));
}

/** The next account is added a minute later, as a person would. */
function tick() {
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
}

const domestic = {
  kind: "domestic",
  bankCode: "0009",
  branchCode: "221",
  accountType: "ordinary",
  accountNumber: "1234567",
  holderName: "タナカ ミサキ",
};

const overseas = {
  kind: "overseas",
  bankName: "HSBC UK Bank",
  branchName: "London",
  swiftCode: "midl gb22",
  accountNumber: "GB29 NWBK 6016 1331 9268 19",
  holderName: "Misaki Tanaka",
};

describe("domestic bank accounts", () => {
  it("takes bank and branch names from the Zengin list and stores the holder as banks print it", async () => {
    const token = await signIn(PARTNER);
    const created = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: {
        ...domestic,
        bankCode: "０００９",
        accountNumber: "０１２３４５６",
        holderName: "たなか　みさき",
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      kind: "domestic",
      bankCode: "0009",
      bankName: "三井住友",
      branchCode: "221",
      branchName: "新宿",
      accountType: "ordinary",
      accountNumber: "0123456",
      holderName: "ﾀﾅｶ ﾐｻｷ",
      swiftCode: null,
      isDefault: false, // the seeded account stays the default
      createdAt: t.clock.now.toISOString(),
    });
    const stored = (await rowsOf(PARTNER)).find((r) => r.id === created.body.id);
    expect(stored).toMatchObject({
      bankName: "三井住友",
      branchName: "新宿",
      holderName: "ﾀﾅｶ ﾐｻｷ",
    });

    const list = await t.call("GET", "/v1/me/bank-accounts", { token });
    expect(list.status).toBe(200);
    expect(list.body.map((a: { bankCode: string }) => a.bankCode)).toEqual(["0001", "0009"]);
    expect(list.body[0]).toMatchObject({ bankName: "みずほ", isDefault: true });
  });

  it.each([
    [{ bankCode: "9999" }, "bankCode", "No bank with code 9999 in the Zengin list"],
    [{ bankCode: "12" }, "bankCode", "Enter the bank's 4-digit code, e.g. 0001"],
    [
      { bankCode: "0001", branchCode: "999" },
      "branchCode",
      "みずほ (0001) has no branch 999 in the Zengin list",
    ],
    [{ accountNumber: "123456" }, "accountNumber", "exactly 7 digits"],
    [{ accountNumber: "12345678" }, "accountNumber", "exactly 7 digits"],
    [{ holderName: "田中 美咲" }, "holderName", "not in kanji"],
    [{ holderName: "ﾀﾅｶ@ﾐｻｷ" }, "holderName", "cannot carry @"],
  ])("refuses %o at %s and writes nothing", async (change, path, message) => {
    const token = await signIn(PARTNER);
    const before = await snapshot(t.db);
    const rowsBefore = await rowsOf(PARTNER);
    const refused = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, ...change },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("invalid_bank_account");
    expect(refused.body.error.issues).toEqual([
      { path, message: expect.stringContaining(message) },
    ]);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await rowsOf(PARTNER)).toEqual(rowsBefore);
  });

  it("reports every problem of one request at once", async () => {
    const token = await signIn(PARTNER);
    const before = await snapshot(t.db);
    const refused = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, bankCode: "9999", accountNumber: "12-3456", holderName: "山田" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "bankCode",
      "accountNumber",
      "holderName",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses an unknown account type or kind through the schema", async () => {
    const token = await signIn(PARTNER);
    const before = await snapshot(t.db);
    const badType = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, accountType: "futsu" },
    });
    expect(badType.status).toBe(422);
    expect(badType.body.error.issues[0].path).toBe("accountType");
    const badKind = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, kind: "abroad" },
    });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.issues[0]).toMatchObject({
      path: "kind",
      message: expect.stringContaining('"domestic"'),
    });
    const inJapanese = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, kind: "abroad" },
      headers: { "accept-language": "ja" },
    });
    expect(inJapanese.body.error.issues[0].message).toBe(
      'kind: "domestic"（国内の銀行）か "overseas"（海外の銀行）を指定してください',
    );
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("overseas bank accounts", () => {
  it("stores free text and a normalised SWIFT/BIC", async () => {
    const token = await signIn(PARTNER);
    const created = await t.call("POST", "/v1/me/bank-accounts", { token, body: overseas });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: "overseas",
      bankCode: null,
      bankName: "HSBC UK Bank",
      branchCode: null,
      branchName: "London",
      accountType: null,
      accountNumber: "GB29 NWBK 6016 1331 9268 19",
      holderName: "Misaki Tanaka",
      swiftCode: "MIDLGB22",
    });
    const withoutSwift = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...overseas, swiftCode: undefined },
    });
    expect(withoutSwift.body.swiftCode).toBeNull();
  });

  it("refuses a malformed SWIFT/BIC and an account number over 34 characters", async () => {
    const token = await signIn(PARTNER);
    const before = await snapshot(t.db);
    const refused = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...overseas, swiftCode: "MIDLGB2", accountNumber: "X".repeat(35) },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      "swiftCode",
      "accountNumber",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("the default account", () => {
  it("makes a user's first account the default, and keeps exactly one", async () => {
    const token = await signIn("owner@demo.shimebi.test"); // no seeded account
    const first = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...overseas, isDefault: false },
    });
    expect(first.body.isDefault).toBe(true);
    tick();
    const second = await t.call("POST", "/v1/me/bank-accounts", { token, body: domestic });
    expect(second.body.isDefault).toBe(false);
    tick();
    const third = await t.call("POST", "/v1/me/bank-accounts", {
      token,
      body: { ...domestic, isDefault: true },
    });
    expect(third.body.isDefault).toBe(true);
    const defaults = async () =>
      (await rowsOf("owner@demo.shimebi.test")).filter((r) => r.isDefault).map((r) => r.id);
    expect(await defaults()).toEqual([third.body.id]);

    const made = await t.call("POST", `/v1/me/bank-accounts/${first.body.id}/default`, { token });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ id: first.body.id, isDefault: true });
    expect(await defaults()).toEqual([first.body.id]);
    const list = await t.call("GET", "/v1/me/bank-accounts", { token });
    expect(list.body.map((a: { id: string }) => a.id)).toEqual([
      first.body.id,
      third.body.id,
      second.body.id,
    ]);

    // Deleting the default hands it to the newest account left.
    const removed = await t.call("DELETE", `/v1/me/bank-accounts/${first.body.id}`, { token });
    expect(removed.status).toBe(204);
    expect(await defaults()).toEqual([third.body.id]);
    // Deleting another leaves the default where it is.
    await t.call("DELETE", `/v1/me/bank-accounts/${second.body.id}`, { token });
    expect(await defaults()).toEqual([third.body.id]);
    await t.call("DELETE", `/v1/me/bank-accounts/${third.body.id}`, { token });
    expect(await rowsOf("owner@demo.shimebi.test")).toEqual([]);
  });
});

describe("another user's account", () => {
  it("is not found for delete or default, and stays as it was", async () => {
    const [theirs] = await rowsOf(PARTNER);
    const token = await signIn("partner@other.shimebi.test");
    const before = await snapshot(t.db);
    for (const [method, path] of [
      ["DELETE", `/v1/me/bank-accounts/${theirs?.id}`],
      ["POST", `/v1/me/bank-accounts/${theirs?.id}/default`],
      ["DELETE", "/v1/me/bank-accounts/no-such-id"],
    ] as const) {
      const res = await t.call(method, path, { token });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: "not_found", message: "No such bank account" });
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect(await rowsOf(PARTNER)).toEqual([theirs]);
    const mine = await t.call("GET", "/v1/me/bank-accounts", { token });
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0].id).not.toBe(theirs?.id);
  });
});

describe("signed out", () => {
  it("answers 401 on every bank account route", async () => {
    const [theirs] = await rowsOf(PARTNER);
    const before = await snapshot(t.db);
    for (const [method, path, body] of [
      ["GET", "/v1/me/bank-accounts", undefined],
      ["POST", "/v1/me/bank-accounts", domestic],
      ["DELETE", `/v1/me/bank-accounts/${theirs?.id}`, undefined],
      ["POST", `/v1/me/bank-accounts/${theirs?.id}/default`, undefined],
    ] as const) {
      expect((await t.call(method, path, { body })).status).toBe(401);
    }
    expect(await snapshot(t.db)).toEqual(before);
  });
});
