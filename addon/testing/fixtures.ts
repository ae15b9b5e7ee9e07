import { type CostCategory, monthDaysInPeriod, type QuoteRequest } from "../../shared";
import type { FetchHandler, FetchReply, FetchRequest } from "./services";
import type { FakeSheet } from "./spreadsheet";

// Test data for the add-on: the API's answers for a contract, and months of timesheet rows.

export const API_BASE = "https://api.shimebi.test";
export const CONTRACT_ID = "contract-1";

/** As `npm start` seeds it: 1,000,000 yen a month for 140-180 h, month-end closing. */
export const SEED_CATEGORY: CostCategory = {
  id: "ses",
  name: "月額固定",
  type: "monthlyRange",
  monthlyFee: 1000000,
  lowerHours: 140,
  upperHours: 180,
  excessRate: 5555,
  deductionRate: 7142,
};

export function contractResponse(costCategories: CostCategory[] = [SEED_CATEGORY]) {
  return {
    id: CONTRACT_ID,
    title: "Shimebi 開発支援",
    status: "active",
    startDate: "2025-07-01",
    endDate: "2025-12-31",
    closingDay: 31,
    settlementUnit: 15,
    conditions: { version: 1, effectiveFrom: "2025-07", costCategories },
  };
}

export const ME_RESPONSE = { partnerKind: "individual", nonResident: false };

/** GET .../months/{month}/rules as the API answers it for contractResponse(). */
export function rulesResponse(
  month: string,
  costCategories: CostCategory[] = [SEED_CATEGORY],
  refusal: { code: string; message: string } | null = null,
) {
  const contract = contractResponse(costCategories);
  const period = { start: contract.startDate, end: contract.endDate };
  const request: QuoteRequest = {
    month,
    closingDay: contract.closingDay,
    settlementUnit: 15,
    costCategories,
    entries: [],
    extraItems: [],
    expenses: [],
    partner: { kind: "individual", nonResident: false },
    consumptionTax: { enabled: true, rate: 10, rounding: "floor" },
    withholding: { enabled: false },
  };
  return {
    contractId: CONTRACT_ID,
    month,
    period,
    days: monthDaysInPeriod(month, contract.closingDay, period),
    request,
    refusal,
  };
}

/** GET /v1/contracts/{id} and GET /v1/me answered; anything else goes to `rest`. */
export function contractApi(
  costCategories?: CostCategory[],
  rest: FetchHandler = (r) => ({
    status: 404,
    body: { error: { code: "not_found", message: r.url, issues: [] } },
  }),
): FetchHandler {
  return (request: FetchRequest): FetchReply => {
    const path = request.url.replace(API_BASE, "");
    if (request.method === "GET" && path === `/v1/contracts/${CONTRACT_ID}`) {
      return { status: 200, body: contractResponse(costCategories) };
    }
    if (request.method === "GET" && path === "/v1/me") return { status: 200, body: ME_RESPONSE };
    const rules = new RegExp(`^/v1/contracts/${CONTRACT_ID}/months/(\\d{4}-\\d{2})/rules$`).exec(
      path,
    );
    if (request.method === "GET" && rules) {
      return { status: 200, body: rulesResponse(rules[1] ?? "", costCategories) };
    }
    return rest(request);
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}`;

/**
 * `count` valid rows over `month` (a calendar month), written straight into the sheet from
 * row 2 as a partner would type them: "0900"-style text times, short non-overlapping slots.
 */
export function fillMonth(sheet: FakeSheet, month: string, count: number, category = "月額固定") {
  const [year, mm] = month.split("-").map(Number) as [number, number];
  const days = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  const perDay = Math.ceil(count / days);
  const slot = Math.floor((23 * 60) / perDay);
  const length = Math.max(1, Math.min(slot - 1, 45));
  for (let i = 0; i < count; i++) {
    const day = (i % days) + 1;
    const start = Math.floor(i / days) * slot;
    const row = [
      `${month}-${pad(day)}`,
      category,
      clock(start),
      clock(start + length),
      "",
      "",
      "",
      "実装とレビュー",
    ];
    row.forEach((value, c) => {
      sheet.write(2 + i, 1 + c, value);
    });
  }
}
