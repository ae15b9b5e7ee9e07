import { and, eq } from "drizzle-orm";
import { createContract, latestConditions } from "../contracts/service";
import { type AppDeps, resolveDeps } from "../deps";
import { approveOrder } from "../orders/decisions";
import { createDraftOrder } from "../orders/drafts";
import { sendOrder } from "../orders/sending";
import type { Db } from "./client";
import { companies, groups, users } from "./schema";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The demo owner, partner, company and its 開発チーム group; null before the demo is seeded. */
async function demoParties(db: Db) {
  const [owner] = await db.select().from(users).where(eq(users.email, "owner@demo.shimebi.test"));
  const [partner] = await db
    .select()
    .from(users)
    .where(eq(users.email, "partner@demo.shimebi.test"));
  const [company] = await db.select().from(companies).where(eq(companies.name, "Demo"));
  const [group] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.companyId, company?.id ?? ""), eq(groups.name, "開発チーム")));
  if (!owner || !partner || !company || !group) return null;
  return { owner, partner, company, group };
}

/**
 * The demo partner's contract for `npm start`: an hour-range monthly fee (1,000,000 yen,
 * 140-180 h), month-end closing, running from last month to three months ahead, its purchase
 * order sent and approved through the same services the API uses, so its history is real.
 */
export async function seedDemoContract(db: Db, options: Pick<AppDeps, "mail" | "config"> = {}) {
  const deps = resolveDeps({ db, ...options });
  const parties = await demoParties(db);
  if (!parties) return null;
  const { owner, partner, company, group } = parties;
  const now = deps.now();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 0));
  const contract = await createContract(
    deps,
    owner,
    { companyId: company.id, groupId: group.id },
    {
      title: "Shimebi 開発支援",
      partnerUserId: partner.id,
      contractType: "quasiMandate",
      scope: "Webアプリケーションの設計・開発・レビュー",
      deliverables: "",
      workPlace: "リモート",
      startDate: iso(start),
      endDate: iso(end),
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      autoRenewal: true,
      billingMode: "invoice",
      settlementUnit: 15,
      conditions: {
        costCategories: [
          {
            id: "ses",
            name: "月額固定",
            type: "monthlyRange",
            monthlyFee: 1000000,
            lowerHours: 140,
            upperHours: 180,
            excessRate: 5555,
            deductionRate: 7142,
          },
        ],
      },
    },
  );
  const version = await latestConditions(deps, contract.id);
  const draft = await createDraftOrder(deps, contract, version.id, {});
  const sent = await sendOrder(deps, owner, draft);
  await approveOrder(deps, partner, sent, { useNextTime: false });
  return contract;
}

/**
 * A second demo contract whose purchase order is still a draft, for the company to send from
 * the sidebar (発注書の送付): a 600,000 yen monthly fee from next month, for three months.
 */
export async function seedDemoDraftOrder(db: Db, options: Pick<AppDeps, "mail" | "config"> = {}) {
  const deps = resolveDeps({ db, ...options });
  const parties = await demoParties(db);
  if (!parties) return null;
  const { owner, partner, company, group } = parties;
  const now = deps.now();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 0));
  const contract = await createContract(
    deps,
    owner,
    { companyId: company.id, groupId: group.id },
    {
      title: "Shimebi 運用サポート",
      partnerUserId: partner.id,
      contractType: "quasiMandate",
      scope: "本番環境の監視と問い合わせ対応",
      deliverables: "",
      workPlace: "リモート",
      startDate: iso(start),
      endDate: iso(end),
      closingDay: 31,
      paymentTerms: { monthsAfter: 1, day: 31 },
      autoRenewal: false,
      billingMode: "invoice",
      settlementUnit: 15,
      conditions: {
        costCategories: [{ id: "ops", name: "運用サポート", type: "monthly", monthlyFee: 600000 }],
      },
    },
  );
  const version = await latestConditions(deps, contract.id);
  return createDraftOrder(deps, contract, version.id, {});
}
