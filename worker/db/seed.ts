import { count } from "drizzle-orm";
import { hashPassword } from "../platform/crypto";
import type { Db } from "./client";
import { bankAccounts, companies, groups, memberships, type Role, users } from "./schema";

export const DEMO_PASSWORD_DEFAULT = "shimebi-demo";
const TERMS_VERSION = "2026-11-01";

type DemoUser = {
  email: string;
  role: Role;
  fullName: string;
  partnerKind?: "individual" | "corporation";
  registrationNumber?: string;
};

export const DEMO_COMPANIES: Array<{ name: string; group: string; users: DemoUser[] }> = [
  {
    name: "Demo",
    group: "開発チーム",
    users: [
      { email: "owner@demo.shimebi.test", role: "companyOwner", fullName: "山田 太郎" },
      { email: "groupowner@demo.shimebi.test", role: "groupOwner", fullName: "佐藤 花子" },
      { email: "member@demo.shimebi.test", role: "member", fullName: "鈴木 一郎" },
      {
        email: "partner@demo.shimebi.test",
        role: "partner",
        fullName: "田中 美咲",
        partnerKind: "individual",
        registrationNumber: "T7000012050002",
      },
    ],
  },
  {
    name: "Other",
    group: "Operations",
    users: [
      { email: "owner@other.shimebi.test", role: "companyOwner", fullName: "高橋 健" },
      {
        email: "partner@other.shimebi.test",
        role: "partner",
        fullName: "伊藤 商事株式会社",
        partnerKind: "corporation",
      },
    ],
  },
];

/**
 * Demo data for a fresh local database: two companies, their people, one password. Does
 * nothing when any user exists, so restarts never duplicate or overwrite anything.
 */
export async function seedDemo(db: Db, password: string): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return false;
  // A salt of its own for each user, as for any account: equal passwords, unequal hashes
  // (hashed in parallel: PBKDF2 runs off the main thread).
  const hashes = await Promise.all(
    DEMO_COMPANIES.flatMap((c) => c.users).map(() => hashPassword(password)),
  );
  const now = new Date();
  const statements = [];
  for (const company of DEMO_COMPANIES) {
    const companyId = crypto.randomUUID();
    const groupId = crypto.randomUUID();
    statements.push(
      db
        .insert(companies)
        .values({ id: companyId, name: company.name, hourRangeEnabled: true, createdAt: now }),
    );
    statements.push(
      db.insert(groups).values({ id: groupId, companyId, name: company.group, createdAt: now }),
    );
    for (const user of company.users) {
      const userId = crypto.randomUUID();
      const passwordHash = hashes.shift() ?? (await hashPassword(password));
      statements.push(
        db.insert(users).values({
          id: userId,
          email: user.email,
          passwordHash,
          emailVerifiedAt: now,
          termsVersion: TERMS_VERSION,
          consentedAt: now,
          fullName: user.fullName,
          partnerKind: user.partnerKind ?? null,
          registrationNumber: user.registrationNumber ?? null,
          address: user.role === "partner" ? "東京都千代田区丸の内1-1-1" : null,
          phone: user.role === "partner" ? "03-1234-5678" : null,
          createdAt: now,
        }),
      );
      statements.push(
        db.insert(memberships).values({
          userId,
          companyId,
          groupId: user.role === "companyOwner" ? null : groupId,
          role: user.role,
          createdAt: now,
        }),
      );
      if (user.role === "partner") {
        statements.push(
          db.insert(bankAccounts).values({
            userId,
            kind: "domestic",
            bankCode: "0001",
            bankName: "みずほ",
            branchCode: "001",
            branchName: "東京営業部",
            accountType: "ordinary",
            accountNumber: "1234567",
            holderName: "ﾀﾅｶ ﾐｻｷ",
            isDefault: true,
            createdAt: now,
          }),
        );
      }
    }
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
  return true;
}
