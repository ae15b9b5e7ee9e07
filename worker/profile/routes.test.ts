import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "../db/schema";
import type { AppDeps } from "../deps";
import { snapshot, type TestApp, testApp } from "../testing/app";
import { type FakeNtaMode, fakeNta, NTA_NUMBERS, NTA_TEST_APP_ID } from "../testing/nta";

const PASSWORD = "kawasaki-2026!";
const EMAIL = "partner@example.test";

/** The app with the fake register (or none), and a signed-in, verified user. */
async function setup(nta: FakeNtaMode | "unconfigured" = "answer") {
  const fake = fakeNta(nta === "unconfigured" ? "answer" : nta);
  const overrides: AppDeps =
    nta === "unconfigured" ? {} : { fetch: fake.fetch, config: { ntaAppId: NTA_TEST_APP_ID } };
  const t = await testApp(overrides);
  const signup = await t.call("POST", "/v1/accounts", {
    body: { email: EMAIL, password: PASSWORD, agreeToTerms: true },
  });
  expect(signup.status).toBe(201);
  const token = await t.tokenFromMail(EMAIL, "verifyEmail");
  expect((await t.call("POST", "/v1/auth/verify-email", { body: { token } })).status).toBe(200);
  const login = await t.call("POST", "/v1/auth/login", {
    body: { email: EMAIL, password: PASSWORD },
  });
  expect(login.status).toBe(200);
  return { t, nta: fake, token: login.body.token as string };
}

async function storedUser(t: TestApp) {
  const [row] = await t.db.select().from(users).where(eq(users.email, EMAIL));
  return row;
}

/** Row counts and the user's own row: both must be as before a refused request. */
async function state(t: TestApp) {
  return { counts: await snapshot(t.db), user: await storedUser(t) };
}

const basics = {
  fullName: "  山田 花子 ",
  partnerKind: "individual",
  registrationNumber: "T7000012050002",
  nonResident: false,
};

describe("PUT /v1/me/profile", () => {
  it("saves basic information and the register's answer for a valid number", async () => {
    const { t, nta, token } = await setup();
    const res = await t.call("PUT", "/v1/me/profile", { token, body: basics });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      email: EMAIL,
      fullName: "山田 花子",
      partnerKind: "individual",
      registrationNumber: "T7000012050002",
      nonResident: false,
      basicInfoComplete: true,
      registrationLookup: {
        status: "current",
        name: "国税庁",
        checkedAt: "2026-11-24T01:00:00.000Z",
      },
      memberships: [],
    });
    expect(nta.requests.map((u) => u.searchParams.get("number"))).toEqual(["T7000012050002"]);
    const row = await storedUser(t);
    expect(row?.registrationNumber).toBe("T7000012050002");
    expect(row?.registrationLookup).toMatchObject({ status: "current", name: "国税庁" });

    // Editable later: full-width input is normalised, an empty number clears it.
    const again = await t.call("PUT", "/v1/me/profile", {
      token,
      body: {
        ...basics,
        partnerKind: "corporation",
        registrationNumber: "ｔ７１２３４５６７８９０１２",
        nonResident: true,
      },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      partnerKind: "corporation",
      registrationNumber: NTA_NUMBERS.expired,
      nonResident: true,
      registrationLookup: { status: "expired", name: "株式会社失効テスト" },
    });
    const cleared = await t.call("PUT", "/v1/me/profile", {
      token,
      body: { ...basics, registrationNumber: "" },
    });
    expect(cleared.body).toMatchObject({ registrationNumber: null, registrationLookup: null });
    expect(nta.requests).toHaveLength(2);
  });

  it("stores revoked and not-found answers as such", async () => {
    const { t, token } = await setup();
    for (const [number, status] of [
      [NTA_NUMBERS.revoked, "revoked"],
      [NTA_NUMBERS.notFound, "notFound"],
    ]) {
      const res = await t.call("PUT", "/v1/me/profile", {
        token,
        body: { ...basics, registrationNumber: number },
      });
      expect(res.status).toBe(200);
      expect(res.body.registrationLookup.status).toBe(status);
    }
  });

  it("refuses a mistyped check digit and changes nothing", async () => {
    const { t, nta, token } = await setup();
    expect((await t.call("PUT", "/v1/me/profile", { token, body: basics })).status).toBe(200);
    const before = await state(t);
    const res = await t.call("PUT", "/v1/me/profile", {
      token,
      body: { ...basics, fullName: "Changed", registrationNumber: "T8000012050002" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      {
        path: "registrationNumber",
        code: "registration_number_check_digit",
        message:
          "Registration number T8000012050002 does not exist (its check digit does not match); it was probably mistyped",
      },
    ]);
    expect(await state(t)).toEqual(before);
    expect(nta.requests).toHaveLength(1);
  });

  it("refuses a number without the T, in Japanese when asked, and changes nothing", async () => {
    const { t, token } = await setup();
    const before = await state(t);
    const res = await t.call("PUT", "/v1/me/profile", {
      token,
      body: { ...basics, registrationNumber: "7000012050002" },
      headers: { "accept-language": "ja" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toMatchObject([
      { path: "registrationNumber", code: "invalid_registration_number_format" },
    ]);
    expect(res.body.error.message).toContain("T7000012050002 のように");
    expect(await state(t)).toEqual(before);
  });

  it("refuses missing or bad fields, naming each", async () => {
    const { t, token } = await setup();
    const before = await state(t);
    const res = await t.call("PUT", "/v1/me/profile", {
      token,
      body: { fullName: " ", partnerKind: "company" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "fullName",
      "nonResident",
      "partnerKind",
    ]);
    expect(await state(t)).toEqual(before);
  });

  it("saves with an unverified answer when the lookup is not configured", async () => {
    const { t, token } = await setup("unconfigured");
    const res = await t.call("PUT", "/v1/me/profile", { token, body: basics });
    expect(res.status).toBe(200);
    expect(res.body.registrationLookup).toMatchObject({
      status: "unverified",
      message: "Could not verify with the National Tax Agency: the lookup is not configured",
    });
    expect((await storedUser(t))?.registrationLookup?.status).toBe("unverified");
  });

  it.each(["down", "malformed", "unreachable"] as const)(
    "saves with an unverified answer when the register is %s",
    async (mode) => {
      const { t, token } = await setup(mode);
      const res = await t.call("PUT", "/v1/me/profile", { token, body: basics });
      expect(res.status).toBe(200);
      expect(res.body.registrationNumber).toBe("T7000012050002");
      expect(res.body.registrationLookup.status).toBe("unverified");
      expect(res.body.registrationLookup.message).toContain("did not answer");
    },
  );
});

describe("PUT /v1/me/contact", () => {
  it("saves the address and a normalised phone number", async () => {
    const { t, token } = await setup();
    const res = await t.call("PUT", "/v1/me/contact", {
      token,
      body: { address: " 東京都千代田区丸の内1-1-1 ", phone: "０３ー１２３４ー５６７８" },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ address: "東京都千代田区丸の内1-1-1", phone: "03-1234-5678" });
    const international = await t.call("PUT", "/v1/me/contact", {
      token,
      body: { address: "Berlin", phone: "+49 (30) 1234 5678" },
    });
    expect(international.body.phone).toBe("+49 (30) 1234 5678");
    expect((await storedUser(t))?.phone).toBe("+49 (30) 1234 5678");
  });

  it.each([
    ["03-1234-567", "must have 10 to 15 digits (it has 9)"],
    ["+81 3 1234 5678 9012 34", "must have 10 to 15 digits (it has 17)"],
    ["03-1234-5678 ext. 9", "use only digits, hyphens, spaces, parentheses and a leading +"],
    ["03+1234-5678", "use only digits"],
  ])("refuses %s and changes nothing", async (phone, words) => {
    const { t, token } = await setup();
    const before = await state(t);
    const res = await t.call("PUT", "/v1/me/contact", { token, body: { address: "Tokyo", phone } });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toEqual([
      { path: "phone", code: "invalid_phone", message: expect.stringContaining(words) },
    ]);
    expect(await state(t)).toEqual(before);
  });

  it("refuses an empty address", async () => {
    const { t, token } = await setup();
    const res = await t.call("PUT", "/v1/me/contact", {
      token,
      body: { address: "", phone: "03-1234-5678" },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toMatchObject([{ path: "address" }]);
  });
});

describe("POST /v1/registration-numbers/verify", () => {
  it("answers the normalised number and the registered name, storing nothing", async () => {
    const { t, token } = await setup();
    const before = await state(t);
    const res = await t.call("POST", "/v1/registration-numbers/verify", {
      token,
      body: { registrationNumber: " t7000012050002 " },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      registrationNumber: "T7000012050002",
      valid: true,
      lookup: { status: "current", name: "国税庁" },
    });
    expect(await state(t)).toEqual(before);
  });

  it.each([
    ["T8000012050002", "registration_number_check_digit"],
    ["7000012050002", "invalid_registration_number_format"],
    ["T7000-0120-50002", "invalid_registration_number_format"],
  ])("refuses %s", async (registrationNumber, code) => {
    const { t, token } = await setup();
    const res = await t.call("POST", "/v1/registration-numbers/verify", {
      token,
      body: { registrationNumber },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues).toMatchObject([{ path: "registrationNumber", code }]);
  });
});

describe("signed out", () => {
  it.each([
    ["PUT", "/v1/me/profile", basics],
    ["PUT", "/v1/me/contact", { address: "Tokyo", phone: "03-1234-5678" }],
    ["POST", "/v1/registration-numbers/verify", { registrationNumber: "T7000012050002" }],
  ])("%s %s is 401", async (method, path, body) => {
    const { t } = await setup();
    const before = await state(t);
    const res = await t.call(method, path, { body });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect(await state(t)).toEqual(before);
  });
});
