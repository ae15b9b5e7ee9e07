import { ApiError } from "../http/errors";
import { looseKana, romajiToKatakana, searchKey, widen } from "./kana";
import { unpackZengin } from "./zenginPack";

/** A bank (金融機関) or branch (支店) of the Zengin list, as the API shows it. */
export type ZenginEntry = { code: string; name: string; kana: string };
type Indexed = ZenginEntry & { keys: string[] };
/** Branch lines stay text until someone looks into that bank. */
type Bank = Indexed & { branchLines: string[]; branches?: Indexed[] };

export const SEARCH_LIMIT = 50;

let loading: Promise<Map<string, Bank>> | undefined;

/**
 * The list, decoded on first use and kept: routes that never touch banks never pay for it.
 * A failed load is forgotten, so the next request tries again.
 */
function zengin(): Promise<Map<string, Bank>> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<Map<string, Bank>> {
  const { ZENGIN_DATA } = await import("./zenginData");
  return parseZengin(await unpackZengin(ZENGIN_DATA));
}

/** The lines `compactZengin` writes, back into banks; a 4-digit code starts a bank. */
export function parseZengin(text: string): Map<string, Bank> {
  const lines = text.split("\n");
  const banks = new Map<string, Bank>();
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]?.[4] !== "\t") continue;
    const header = start >= 0 ? lines[start] : undefined;
    if (header) {
      const bank = { ...indexed(header), branchLines: lines.slice(start + 1, i) };
      banks.set(bank.code, bank);
    }
    start = i;
  }
  return banks;
}

function indexed(line: string): Indexed {
  const [code = "", name = "", kana = ""] = line.split("\t");
  return { code, name, kana, keys: entryKeys(name, kana) };
}

const unique = (keys: string[]) => keys.filter((k, i) => k !== "" && keys.indexOf(k) === i);

function entryKeys(name: string, kana: string): string[] {
  const key = searchKey(kana);
  return unique([searchKey(name), key, looseKana(key)]);
}

function branchesOf(bank: Bank): Indexed[] {
  bank.branches ??= bank.branchLines.map(indexed);
  return bank.branches;
}

const plain = ({ code, name, kana }: ZenginEntry): ZenginEntry => ({ code, name, kana });

/** How well an entry matches: 0 same, 1 starts with, 2 contains; undefined for no match. */
function rank(entry: Indexed, queries: string[]): number | undefined {
  let best: number | undefined;
  for (const key of entry.keys) {
    for (const query of queries) {
      const score = key === query ? 0 : key.startsWith(query) ? 1 : key.includes(query) ? 2 : 3;
      if (score < 3 && (best === undefined || score < best)) best = score;
    }
  }
  return best;
}

/**
 * Code prefix for digits; otherwise name or kana, typed in any width, in hiragana, katakana
 * or romaji, with or without a trailing word such as 銀行 or 支店. Best matches first, then
 * code order; at most SEARCH_LIMIT.
 */
function search(entries: Indexed[], q: string | undefined, suffix: RegExp): ZenginEntry[] {
  const query = widen(q ?? "").trim();
  if (query === "") return entries.slice(0, SEARCH_LIMIT).map(plain);
  if (/^\d+$/.test(query)) {
    return entries
      .filter((e) => e.code.startsWith(query))
      .slice(0, SEARCH_LIMIT)
      .map(plain);
  }
  const romaji = romajiToKatakana(query);
  const keys = [searchKey(query), romaji ? searchKey(romaji) : ""];
  const stripped = keys.map((k) => k.replace(suffix, ""));
  const queries = unique([...keys, ...stripped, ...stripped.map(looseKana)]);
  return entries
    .map((entry) => ({ entry, score: rank(entry, queries) }))
    .filter((m): m is { entry: Indexed; score: number } => m.score !== undefined)
    .sort((a, b) => a.score - b.score || a.entry.code.localeCompare(b.entry.code))
    .slice(0, SEARCH_LIMIT)
    .map((m) => plain(m.entry));
}

/** Banks in code order, so an empty search starts with the city and online banks (0001-0044). */
export async function searchBanks(q?: string): Promise<ZenginEntry[]> {
  return search([...(await zengin()).values()], q, /(銀行|ギンコウ|BANK)$/);
}

export async function searchBranches(bankCode: string, q?: string): Promise<ZenginEntry[]> {
  const bank = await findBank(bankCode);
  if (!bank) {
    throw new ApiError(404, "unknown_bank", `No bank with code ${bankCode} in the Zengin list`);
  }
  return search(branchesOf(bank), q, /(支店|シテン)$/);
}

/** A bank by its 4-digit code (全角 digits accepted). */
export async function findBank(code: string): Promise<Bank | undefined> {
  return (await zengin()).get(widen(code).trim());
}

/** A branch of the bank by its 3-digit code. */
export function findBranch(bank: Bank, code: string): ZenginEntry | undefined {
  const wanted = widen(code).trim();
  const branch = branchesOf(bank).find((b) => b.code === wanted);
  return branch && plain(branch);
}
