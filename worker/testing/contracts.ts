import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { companies, groups, users, workEntries } from "../db/schema";
import { seedDemo } from "../db/seed";
import type { TestApp } from "./app";

export const DEMO_PASSWORD = "shimebi-demo";

/** The seed's hour-range conditions: 1,000,000 yen, 100-120 h, 8,000 / 10,000 yen an hour. */
export const HOUR_RANGE_CATEGORY = {
  id: "ses",
  name: "月額固定",
  type: "monthlyRange",
  monthlyFee: 1000000,
  lowerHours: 100,
  upperHours: 120,
  excessRate: 8000,
  deductionRate: 10000,
  months: [
    { month: "2025-08", monthlyFee: 1000000, lowerHours: 100, upperHours: 120 },
    { month: "2025-09", monthlyFee: 900000, lowerHours: 90, upperHours: 110 },
  ],
};

export async function signIn(t: TestApp, email: string): Promise<string> {
  const res = await t.call("POST", "/v1/auth/login", { body: { email, password: DEMO_PASSWORD } });
  expect(res.status, `sign in ${email}`).toBe(200);
  return res.body.token;
}

/**
 * The demo data, and a contract of the demo partner in the demo group whose purchase order the
 * partner approved: the state in which work can be registered. The clock is set to
 * `options.now` (default 2025-07-20, before the seed's period 2025-07-26..2025-09-25).
 */
export async function approvedContract(
  t: TestApp,
  options: {
    costCategories?: unknown[];
    startDate?: string;
    endDate?: string;
    closingDay?: number;
    settlementUnit?: number;
    contractType?: "quasiMandate" | "workContract";
    billingMode?: "invoice" | "paymentNotice";
    confirmationDays?: number;
    autoRenewal?: boolean;
    now?: Date;
    seeded?: boolean;
  } = {},
) {
  if (!options.seeded) await seedDemo(t.db, DEMO_PASSWORD);
  t.clock.now = options.now ?? new Date("2025-07-20T01:00:00Z");
  const owner = await signIn(t, "owner@demo.shimebi.test");
  const partner = await signIn(t, "partner@demo.shimebi.test");
  const [company] = await t.db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await t.db
    .select()
    .from(groups)
    .where(eq(groups.companyId, company?.id ?? ""));
  const [partnerUser] = await t.db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  const contract = await t.call("POST", `/v1/groups/${group?.id}/contracts`, {
    token: owner,
    body: {
      title: "SES 開発支援",
      partnerUserId: partnerUser?.id,
      contractType: options.contractType ?? "quasiMandate",
      scope: "Webアプリケーションの開発支援",
      workPlace: "リモート",
      startDate: options.startDate ?? "2025-07-26",
      endDate: options.endDate ?? "2025-09-25",
      closingDay: options.closingDay ?? 25,
      paymentTerms: { monthsAfter: 1, day: 31 },
      billingMode: options.billingMode ?? "invoice",
      autoRenewal: options.autoRenewal ?? false,
      ...(options.confirmationDays ? { confirmationDays: options.confirmationDays } : {}),
      settlementUnit: options.settlementUnit ?? 30,
      conditions: { costCategories: options.costCategories ?? [HOUR_RANGE_CATEGORY] },
    },
  });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const order = await t.call("POST", `/v1/contracts/${contract.body.id}/orders`, {
    token: owner,
    body: {},
  });
  expect((await t.call("POST", `/v1/orders/${order.body.id}/send`, { token: owner })).status).toBe(
    200,
  );
  const approved = await t.call("POST", `/v1/orders/${order.body.id}/approve`, {
    token: partner,
    body: {},
  });
  expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  return {
    owner,
    partner,
    companyId: company?.id ?? "",
    groupId: group?.id ?? "",
    partnerUserId: partnerUser?.id ?? "",
    contractId: contract.body.id as string,
    orderId: order.body.id as string,
  };
}

/**
 * The demo contract with one day of work in 2025-08 and the partner's draft invoice for it,
 * drafted at `now`; `submit(language)` submits it with that Accept-Language.
 */
export async function augustDraft(t: TestApp, now: Date) {
  const ctx = await approvedContract(t);
  await t.db.insert(workEntries).values({
    contractId: ctx.contractId,
    workingMonth: "2025-08",
    date: "2025-08-01",
    costCategoryId: "ses",
    startMinutes: 540,
    endMinutes: 1080,
    breakMinutes: 60,
  });
  t.clock.now = now;
  const partner = await signIn(t, "partner@demo.shimebi.test");
  const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
    token: partner,
    body: {},
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  const submit = (language: string) =>
    t.call("POST", `/v1/invoices/${draft.body.id}/submit`, {
      token: partner,
      body: { confirmMonth: "2025-08" },
      headers: { "accept-language": language },
    });
  return { ...ctx, partner, draftId: draft.body.id as string, submit };
}
