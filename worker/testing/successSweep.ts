import { workEntries } from "../db/schema";
import type { TestApp } from "./app";
import { approvedContract, signIn } from "./contracts";
import { type Call, succeedAsNewcomer } from "./successSweepNewcomer";

// One successful call of each operation the authorization sweep cannot make succeed with an
// empty body: valid bodies, in an order that gives each call something to act on. Run on an
// app that checks answers against their schemas, so every success below is also checked.

type Step = { name: string; status: number; body: unknown };

const TRANSFER = {
  consignorCode: "1234567890",
  consignorName: "ｶﾌﾞｼｷｶﾞｲｼｬ ﾃﾞﾓ",
  bankCode: "0001",
  branchCode: "001",
  accountType: "checking",
  accountNumber: "7654321",
  lineEnding: "crlf",
};

export async function succeedEverywhere(t: TestApp, ids: { companyId: string }): Promise<string[]> {
  const steps: Step[] = [];
  const call: Call = async (name, method, path, init = {}) => {
    const res = await t.call(method, path, init);
    steps.push({ name, status: res.status, body: res.body });
    return res;
  };

  await succeedAsNewcomer(t, call);

  // The demo company: options, rates, webhooks, the payment run.
  const c = await approvedContract(t, { seeded: true });
  let { owner, partner } = c;
  const companyPath = `/v1/companies/${ids.companyId}`;
  await call("setCompanyOptions", "PUT", `${companyPath}/options`, {
    token: owner,
    body: { hourRangeEnabled: true },
  });
  await call(
    "suggestSesRates",
    "GET",
    "/v1/ses-rates?monthlyFee=600000&lowerHours=140&upperHours=180",
    {
      token: owner,
    },
  );
  const bulkRow = {
    title: "一括 A",
    partnerUserId: c.partnerUserId,
    contractType: "quasiMandate",
    scope: "開発支援",
    startDate: "2025-07-26",
    endDate: "2025-09-25",
    closingDay: 25,
    paymentTerms: { monthsAfter: 1, day: 31 },
    conditions: { costCategories: [{ id: "dev", type: "hourly", unitPrice: 5000 }] },
  };
  const bulkPath = `/v1/groups/${c.groupId}/contracts/bulk`;
  await call("createContracts", "POST", `${bulkPath}?dryRun=true`, {
    token: owner,
    body: { rows: [bulkRow] },
  });
  await call("createContracts", "POST", bulkPath, { token: owner, body: { rows: [bulkRow] } });
  const notifications = await t.call("GET", "/v1/me/notifications", { token: partner });
  await call(
    "markNotificationRead",
    "POST",
    `/v1/me/notifications/${notifications.body?.items?.[0]?.id}/read`,
    { token: partner, body: {} },
  );

  // A contract's work, invoice and conditions.
  const contractPath = `/v1/contracts/${c.contractId}`;
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  // Sessions expire: sign in again at the new time.
  owner = await signIn(t, "owner@demo.shimebi.test");
  partner = await signIn(t, "partner@demo.shimebi.test");
  const synced = await call("syncMonthEntries", "PUT", `${contractPath}/months/2025-08/entries`, {
    token: partner,
    body: {
      rows: [
        {
          clientRowId: "r1",
          date: "2025-08-04",
          costCategoryId: "ses",
          start: "0900",
          end: "1800",
          breakMinutes: 60,
        },
        {
          clientRowId: "r2",
          date: "2025-08-05",
          costCategoryId: "ses",
          start: "0900",
          end: "1800",
          breakMinutes: 60,
        },
      ],
    },
  });
  const [first, second] = synced.body?.rows ?? [];
  await call("updateEntry", "PUT", `${contractPath}/entries/${first?.id}`, {
    token: partner,
    body: {
      date: "2025-08-04",
      costCategoryId: "ses",
      start: "0900",
      end: "1700",
      breakMinutes: 60,
    },
  });
  await call("deleteEntry", "DELETE", `${contractPath}/entries/${second?.id}`, { token: partner });
  const invoice = await t.call("PUT", `${contractPath}/months/2025-08/invoice`, {
    token: partner,
    body: {},
  });
  await t.call("POST", `/v1/invoices/${invoice.body?.id}/submit`, {
    token: partner,
    body: { confirmMonth: "2025-08" },
  });
  await call("returnInvoice", "POST", `/v1/invoices/${invoice.body?.id}/return`, {
    token: owner,
    body: { reason: "備考を追記してください" },
  });
  const changed = await call("changeContractConditions", "POST", `${contractPath}/conditions`, {
    token: owner,
    body: {
      effectiveFrom: "2025-09",
      costCategories: [{ id: "dev", type: "hourly", unitPrice: 6000 }],
    },
  });
  const orderPath = `/v1/orders/${changed.body?.id}`;
  await call("updateOrder", "PATCH", orderPath, { token: owner, body: { subject: "単価変更" } });
  await t.call("POST", `${orderPath}/send`, { token: owner });
  await call("returnOrder", "POST", `${orderPath}/return`, {
    token: partner,
    body: { reason: "単価を確認させてください" },
  });

  // A contract settled by payment notices: sent, returned, sent again, accepted.
  t.clock.now = new Date("2025-07-20T01:00:00Z");
  const n = await approvedContract(t, {
    seeded: true,
    billingMode: "paymentNotice",
    confirmationDays: 7,
    costCategories: [{ id: "dev", name: "開発", type: "hourly", unitPrice: 5000 }],
  });
  // Three days: over the 50,000 yen a year from which a 支払調書 is made.
  await t.db.insert(workEntries).values(
    ["2025-08-04", "2025-08-05", "2025-08-06"].map((date) => ({
      contractId: n.contractId,
      workingMonth: "2025-08",
      date,
      costCategoryId: "dev",
      startMinutes: 540,
      endMinutes: 1080,
      breakMinutes: 60,
    })),
  );
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  owner = await signIn(t, "owner@demo.shimebi.test");
  partner = await signIn(t, "partner@demo.shimebi.test");
  const noticePath = `/v1/contracts/${n.contractId}/months/2025-08/payment-notice`;
  const notice = await call("sendPaymentNotice", "POST", noticePath, { token: owner, body: {} });
  await call("rejectPaymentNotice", "POST", `/v1/invoices/${notice.body?.id}/reject`, {
    token: partner,
    body: { reason: "8/4 は半日です" },
  });
  await t.call("POST", noticePath, { token: owner, body: {} });
  await call("acceptPaymentNotice", "POST", `/v1/invoices/${notice.body?.id}/accept`, {
    token: partner,
    body: {},
  });

  // Webhooks and payments: an endpoint that heard of the acceptance, a run that pays it.
  const webhook = await t.call("POST", `${companyPath}/webhooks`, {
    token: owner,
    body: { url: "http://127.0.0.1:9/sweep", events: ["invoice.returned"] },
  });
  const webhookPath = `${companyPath}/webhooks/${webhook.body?.id}`;
  await t.call("POST", `/v1/invoices/${invoice.body?.id}/submit`, {
    token: partner,
    body: { confirmMonth: "2025-08" },
  });
  await t.call("POST", `/v1/invoices/${invoice.body?.id}/return`, {
    token: owner,
    body: { reason: "もう一度確認してください" },
  });
  const deliveries = await t.call("GET", `${webhookPath}/deliveries`, { token: owner });
  await call(
    "redeliverWebhook",
    "POST",
    `${webhookPath}/deliveries/${deliveries.body?.items?.[0]?.id ?? deliveries.body?.[0]?.id}/redeliver`,
    { token: owner, body: {} },
  );
  await call("rotateWebhookSecret", "POST", `${webhookPath}/rotate-secret`, {
    token: owner,
    body: {},
  });
  await t.call("PUT", `${companyPath}/settings`, { token: owner, body: { transfer: TRANSFER } });
  const run = await call("createPaymentRun (setup)", "POST", `${companyPath}/payment-runs`, {
    token: owner,
    body: { paymentDate: notice.body?.dueDate },
  });
  const runPath = `${companyPath}/payment-runs/${run.body?.id}`;
  await call("exportPaymentRunZengin", "GET", `${runPath}/zengin`, { token: owner });
  await call(
    "exportCompanyJournalCsv",
    "GET",
    `${companyPath}/exports/journal.csv?vendor=freee&from=2025-08-01&to=2025-08-31`,
    { token: owner },
  );
  await call("markPaymentFailed", "POST", `${runPath}/items/${run.body?.items?.[0]?.id}/failed`, {
    token: owner,
    body: { reason: "口座なし" },
  });
  // The failed transfer is paid by the next run of the date.
  const again = await t.call("POST", `${companyPath}/payment-runs`, {
    token: owner,
    body: { paymentDate: notice.body?.dueDate },
  });
  await t.call("POST", `${companyPath}/payment-runs/${again.body?.id}/paid`, {
    token: owner,
    body: {},
  });

  // The company's own approval route before an order goes out; 支払調書 of the year.
  await t.call("POST", `/v1/groups/${c.groupId}/approval-routes`, {
    token: owner,
    body: {
      documentType: "purchaseOrder",
      name: "発注の承認",
      steps: [{ name: "会社確認", roles: ["companyOwner"] }],
    },
  });
  await t.call("POST", `${orderPath}/send`, { token: owner });
  await call("approveOrderStep", "POST", `${orderPath}/approval/approve`, { token: owner });
  await t.call("POST", `${orderPath}/return`, { token: partner, body: { reason: "再確認" } });
  await t.call("POST", `${orderPath}/send`, { token: owner });
  await call("returnOrderStep", "POST", `${orderPath}/approval/return`, {
    token: owner,
    body: { reason: "単価を見直してください" },
  });
  await t.call("PUT", `${companyPath}/settings`, {
    token: owner,
    body: {
      payer: {
        name: "株式会社デモ",
        address: "東京都港区芝公園4-2-8",
        phone: "03-1234-5678",
        corporateNumber: "1234567890123",
        category: "デザイン料",
        detail: "ウェブデザイン",
      },
    },
  });
  const year = `${companyPath}/annual-statements/2025`;
  await call("getAnnualPaymentStatementsPdf", "GET", `${year}/statements.pdf`, { token: owner });
  await call("exportAnnualPaymentStatementsCsv", "GET", `${year}/statements.csv`, {
    token: owner,
  });

  return steps
    .filter((step) => step.status >= 300)
    .map((step) => `${step.name}: ${step.status} ${JSON.stringify(step.body).slice(0, 300)}`);
}
