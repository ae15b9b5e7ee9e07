import { inArray } from "drizzle-orm";
import { formatThousands, jstDateOf } from "../../shared";
import { getSettings } from "../companySettings/service";
import { type PayerSettings, users } from "../db/schema";
import type { Deps } from "../deps";
import { ApiError, type IssueBody } from "../http/errors";
import { type Counted, type CountedDocument, countedDocuments } from "./annualStatementPayments";
import type { Say } from "./rules";

// 報酬、料金、契約金及び賞金の支払調書 for a calendar year (所得税法225条, NTA form 309).
//
// Which documents count: approved invoices and accepted payment notices whose payment fell in
// the year: the payment date of the run that paid them when a run did, else the day their due
// date is paid on (payDateOf). A document counted but not yet paid (in a run still pending,
// failed, or due after today) is unpaid: its amount is 未払金額 and its withholding, taken
// only when paying, 未徴収税額; both are inside 支払金額 and 源泉徴収税額, as on the form.
//
// Who is reported: individuals resident in Japan with withholding on their fees (the fees of
// 所得税法204条1項, which withholding marks) paid more than 50,000 yen in the year
// (including consumption tax, the NTA's rule for "その他の報酬、料金"). Everyone else is
// listed as left out with the reason.

/** 提出範囲: more than this in the year to one payee (所得税法施行規則84条). */
export const STATEMENT_THRESHOLD = 50_000;

type Partner = typeof users.$inferSelect;

export type { CountedDocument };

export type StatementLine = {
  category: string;
  detail: string;
  amount: number;
  unpaidAmount: number;
  withholdingTax: number;
  unwithheldTax: number;
};

export type Totals = Omit<StatementLine, "category" | "detail">;

export type Statement = {
  partnerUserId: string;
  name: string;
  address: string;
  lines: StatementLine[];
  total: Totals;
  consumptionTax: number;
  documents: CountedDocument[];
};

export const EXCLUSION_REASONS = [
  "corporation",
  "nonResident",
  "noWithholding",
  "belowThreshold",
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export type Exclusion = {
  partnerUserId: string;
  name: string;
  reason: ExclusionReason;
  message: string;
  amount: number;
  withholdingTax: number;
  documents: number;
};

export type AnnualStatements = {
  year: number;
  payer: PayerSettings | null;
  statements: Statement[];
  excluded: Exclusion[];
  problems: IssueBody[];
};

/** A year the form can be made for: 2019 (令和元年) on, not after next year. */
export function assertYear(year: number, now: Date, say: Say) {
  const latest = Number(jstDateOf(now.getTime()).slice(0, 4)) + 1;
  if (!Number.isInteger(year) || year < 2019 || year > latest) {
    const message = say(
      `年は2019〜${latest}の西暦で指定してください`,
      `Give a year from 2019 to ${latest}`,
    );
    throw new ApiError(422, "invalid_year", message, [{ path: "year", message }]);
  }
}

const sumOf = (docs: CountedDocument[], pick: (d: CountedDocument) => number) =>
  docs.reduce((total, d) => total + pick(d), 0);

function lineOf(category: string, detail: string, docs: CountedDocument[]): StatementLine {
  const unpaid = docs.filter((d) => d.unpaid);
  return {
    category,
    detail,
    amount: sumOf(docs, (d) => d.amount),
    unpaidAmount: sumOf(unpaid, (d) => d.amount),
    withholdingTax: sumOf(docs, (d) => d.withholdingTax),
    unwithheldTax: sumOf(unpaid, (d) => d.withholdingTax),
  };
}

function totalsOf(docs: CountedDocument[]): Totals {
  const { category: _c, detail: _d, ...totals } = lineOf("", "", docs);
  return totals;
}

/** One line per 区分 and 細目: a contract's own where the company chose one, else its default. */
function linesOf(docs: Counted[], payer: PayerSettings | null): StatementLine[] {
  const groups = new Map<string, { category: string; detail: string; docs: Counted[] }>();
  for (const doc of docs) {
    const chosen = payer?.contracts?.find((c) => c.contractId === doc.contractId);
    const category = chosen?.category || payer?.category || "報酬";
    const detail = chosen ? chosen.detail : (payer?.detail ?? "");
    const key = `${category}\u0000${detail}`;
    const group = groups.get(key) ?? { category, detail, docs: [] };
    group.docs.push(doc);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => lineOf(g.category, g.detail, g.docs));
}

function exclusionMessage(reason: ExclusionReason, amount: number, say: Say): string {
  switch (reason) {
    case "corporation":
      return say(
        "法人への支払：源泉徴収の対象外のため含めていません。デザイン料など所得税法204条1項の報酬に当たる支払は法人宛でも提出が必要です",
        "Paid to a corporation: no withholding, so not included. Fees of Income Tax Act art. 204(1), such as design fees, must be reported even when paid to a corporation",
      );
    case "nonResident":
      return say(
        "非居住者への支払：「非居住者等に支払われる給与、報酬、年金及び賞金の支払調書」で提出します",
        "Paid to a non-resident: reported on the statement for non-residents instead",
      );
    case "noWithholding":
      return say(
        "源泉徴収のない報酬（システム開発など所得税法204条1項に当たらない報酬）のため提出の対象外です",
        "No withholding on these fees (such as system development, outside Income Tax Act art. 204(1)): not reported",
      );
    case "belowThreshold":
      return say(
        `年間の支払金額 ${formatThousands(amount)}円 が提出範囲（5万円超）に達しません`,
        `Paid ${formatThousands(amount)} yen in the year: not over the 50,000 yen threshold`,
      );
  }
}

/** The year's statements, who was left out and why, and what to fill in before filing. */
export async function annualStatements(
  deps: Pick<Deps, "db" | "now">,
  companyId: string,
  year: number,
  say: Say,
): Promise<AnnualStatements> {
  assertYear(year, deps.now(), say);
  const settings = await getSettings(deps, companyId);
  const payer = settings.payer;
  const counted = await countedDocuments(deps, companyId, year);
  const partnerIds = [...new Set(counted.map((d) => d.partnerUserId))];
  const partners = new Map<string, Partner>(
    partnerIds.length === 0
      ? []
      : (await deps.db.select().from(users).where(inArray(users.id, partnerIds))).map((u) => [
          u.id,
          u,
        ]),
  );
  const statements: Statement[] = [];
  const excluded: Exclusion[] = [];
  const problems: IssueBody[] = [];
  if (!payer) {
    const message = say(
      "支払者（会社名・所在地・法人番号）が設定されていません。会社設定の「支払調書の支払者」を登録してください",
      "The payer (name, address, corporate number) is not set: fill in the company settings' payer",
    );
    problems.push({ path: "settings.payer", message });
  }
  const nameOf = (id: string) => partners.get(id)?.fullName ?? partners.get(id)?.email ?? "";
  // In the order they are printed, so a problem's index names the right statement.
  partnerIds.sort((a, b) => nameOf(a).localeCompare(nameOf(b), "ja"));
  for (const partnerUserId of partnerIds) {
    const partner = partners.get(partnerUserId);
    const docs = counted.filter((d) => d.partnerUserId === partnerUserId);
    const name = nameOf(partnerUserId);
    const withheld = docs.filter((d) => d.withholdingTax > 0);
    const leaveOut = (reason: ExclusionReason, from: CountedDocument[]) => {
      const amount = sumOf(from, (d) => d.amount);
      excluded.push({
        partnerUserId,
        name,
        reason,
        message: exclusionMessage(reason, amount, say),
        amount,
        withholdingTax: sumOf(from, (d) => d.withholdingTax),
        documents: from.length,
      });
    };
    if (partner?.partnerKind === "corporation") leaveOut("corporation", docs);
    else if (partner?.nonResident) leaveOut("nonResident", docs);
    else if (withheld.length === 0) leaveOut("noWithholding", docs);
    else if (sumOf(withheld, (d) => d.amount) <= STATEMENT_THRESHOLD) {
      leaveOut("belowThreshold", withheld);
    } else {
      const lines = linesOf(withheld, payer);
      const address = partner?.address ?? "";
      if (!address) {
        problems.push({
          path: `statements.${statements.length}.address`,
          message: say(
            `${name}：住所が登録されていません。パートナーに基本情報の住所の登録を依頼してください`,
            `${name}: no address; ask the partner to fill in their address`,
          ),
        });
      }
      statements.push({
        partnerUserId,
        name,
        address,
        lines,
        total: totalsOf(withheld),
        consumptionTax: sumOf(withheld, (d) => d.consumptionTax),
        documents: withheld.map(({ partnerUserId: _p, contractId: _c, ...d }) => d),
      });
    }
  }
  return { year, payer, statements, excluded, problems };
}

/** The payer is needed on every printed statement: a 422 saying what to set first. */
export function requirePayer(result: AnnualStatements, say: Say): PayerSettings {
  if (result.payer) return result.payer;
  throw new ApiError(
    422,
    "payer_settings_missing",
    say(
      "支払調書を作成する前に、会社設定で支払者（会社名・所在地・法人番号）を登録してください",
      "Set the payer (name, address, corporate number) in the company settings first",
    ),
    result.problems,
  );
}
