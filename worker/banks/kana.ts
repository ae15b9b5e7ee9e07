// Kana as people type it and as banks want it. Pure functions, no data beyond small tables.

const SMALL = "ァィゥェォッャュョヮヵヶ";
const LARGE = "アイウエオツヤユヨワカケ";
const FULL =
  "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンヰヱァィゥェォッャュョー";
const HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｲｴｧｨｩｪｫｯｬｭｮｰ";
const DAKUTEN = "\u3099";
const HANDAKUTEN = "\u309A";

/** ひらがな -> カタカナ; everything else as it is. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** Small kana as large (キョウ -> キヨウ): Zengin names have no small kana. */
export function largeKana(text: string): string {
  return text.replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => LARGE[SMALL.indexOf(c)] ?? c);
}

/** Full-width katakana as half-width (ガ -> ｶﾞ), the form bank transfer records use. */
export function halfWidthKatakana(text: string): string {
  let out = "";
  for (const char of text) {
    if (char < "\u30A1" || char > "\u30FC") {
      out += char;
      continue;
    }
    // NFD splits ガ into カ + the combining dakuten, which has its own half-width sign.
    for (const part of char.normalize("NFD")) {
      const i = FULL.indexOf(part);
      if (i >= 0) out += HALF[i];
      else if (part === DAKUTEN) out += "ﾞ";
      else if (part === HANDAKUTEN) out += "ﾟ";
      else out += part;
    }
  }
  return out;
}

/**
 * Full-width digits and letters as ASCII, half-width kana as full-width (NFKC), hiragana as
 * katakana: the one form every comparison starts from.
 */
export function widen(text: string): string {
  return hiraganaToKatakana(text.normalize("NFKC"));
}

/** Digits typed in any width as ASCII digits (１２３ -> 123). */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/**
 * What a search compares: width, kana script, small kana, case, spaces and long-vowel signs
 * folded away, so "ﾐｽﾞﾎ", "みずほ" and "ミズホ" are one key, and "ユーエフジェイ" meets
 * the list's "ユ－エフジエイ".
 */
export function searchKey(text: string): string {
  return largeKana(widen(text))
    .toUpperCase()
    .replace(/[\s\-ー・.()]/g, "");
}

const O_COLUMN = "オコゴソゾトドノホボポモヨロヲ";
const U_COLUMN = "ウクグスズツヅヌフブプムユルヴ";
const E_COLUMN = "エケゲセゼテデネヘベペメレ";

/**
 * A search key with long vowels dropped (トウキヨウ -> トキヨ, オオサカ -> オサカ), so "tokyo"
 * and "osaka", typed the way they are usually written, still find the list's kana.
 */
export function looseKana(key: string): string {
  let out = "";
  let previous = "";
  const after = (column: string) => previous !== "" && column.includes(previous);
  for (const char of key) {
    const long =
      (char === "ウ" && (after(O_COLUMN) || after(U_COLUMN))) ||
      (char === "オ" && after(O_COLUMN)) ||
      (char === "イ" && after(E_COLUMN));
    if (!long) out += char;
    previous = char;
  }
  return out;
}

const KANJI = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆]/;
// Zengin's character set for names as the brief for this product has it: half-width
// katakana, A-Z, 0-9, space and ( ) . - /
const ZENGIN_NAME = /^[0-9A-Z ().\-/\uFF66\uFF71-\uFF9F]+$/;
const ZENGIN_CHAR = /[0-9A-Z ().\-/\uFF66\uFF71-\uFF9F]/;

export type NameResult =
  | { ok: true; value: string }
  | { ok: false; message: string; messageJa: string };

/**
 * An account holder's name (口座名義) as banks print it: "たなか みさき" and
 * "タナカ　ミサキ" both become "ﾀﾅｶ ﾐｻｷ". Lower-case letters are upper-cased, small kana
 * made large and long-vowel signs become "-", as banks do; kanji and other characters a
 * transfer cannot carry are refused with a message saying what to type instead.
 */
export function toZenginName(input: string): NameResult {
  const folded = largeKana(widen(input))
    .toUpperCase()
    .replace(/[ー‐−–—]/g, "-")
    .replace(/・/g, ".")
    .replace(/\s+/g, " ")
    .trim();
  if (folded === "") {
    return {
      ok: false,
      message: "Enter the account holder's name in kana",
      messageJa: "口座名義をカナで入力してください",
    };
  }
  if (KANJI.test(folded)) {
    return {
      ok: false,
      message:
        "Write the holder's name in kana as the bank has it (e.g. タナカ ミサキ), not in kanji",
      messageJa:
        "口座名義は漢字ではなく、銀行に登録されたカナで入力してください（例: タナカ ミサキ）",
    };
  }
  const value = halfWidthKatakana(folded);
  if (!ZENGIN_NAME.test(value)) {
    const bad = [...new Set([...value].filter((c) => !ZENGIN_CHAR.test(c)))].join(" ");
    return {
      ok: false,
      message: `A bank transfer cannot carry ${bad}: use kana, A-Z, 0-9, spaces and ( ) . - /`,
      messageJa: `振込に使えない文字があります（${bad}）。カナ・英大文字・数字・スペース・( ) . - / で入力してください`,
    };
  }
  return { ok: true, value };
}

const VOWELS = "aiueo";
const ROWS: Record<string, string> = {
  "": "アイウエオ",
  k: "カキクケコ",
  s: "サシスセソ",
  t: "タチツテト",
  n: "ナニヌネノ",
  h: "ハヒフヘホ",
  m: "マミムメモ",
  y: "ヤイユエヨ",
  r: "ラリルレロ",
  w: "ワイウエヲ",
  g: "ガギグゲゴ",
  z: "ザジズゼゾ",
  d: "ダヂヅデド",
  b: "バビブベボ",
  p: "パピプペポ",
};
// Hepburn and Kunrei spellings both, so "shi" and "si", "tsu" and "tu" find the same kana.
const SPECIAL: Record<string, string> = {
  shi: "シ",
  chi: "チ",
  tsu: "ツ",
  fu: "フ",
  ji: "ジ",
  ja: "ジャ",
  ju: "ジュ",
  je: "ジェ",
  jo: "ジョ",
  sha: "シャ",
  shu: "シュ",
  she: "シェ",
  sho: "ショ",
  cha: "チャ",
  chu: "チュ",
  che: "チェ",
  cho: "チョ",
  fa: "ファ",
  fi: "フィ",
  fe: "フェ",
  fo: "フォ",
  va: "ヴァ",
  vi: "ヴィ",
  vu: "ヴ",
  ve: "ヴェ",
  vo: "ヴォ",
};
const YOON = "kgsztdnhbpmr";

function romajiTable(): Map<string, string> {
  const table = new Map<string, string>(Object.entries(SPECIAL));
  for (const [consonant, kana] of Object.entries(ROWS)) {
    [...VOWELS].forEach((v, i) => {
      if (!table.has(consonant + v)) table.set(consonant + v, kana[i] ?? "");
    });
  }
  for (const consonant of YOON) {
    const i = ROWS[consonant]?.[1] ?? "";
    table.set(`${consonant}ya`, `${i}ャ`);
    table.set(`${consonant}yu`, `${i}ュ`);
    table.set(`${consonant}yo`, `${i}ョ`);
  }
  table.set("nn", "ン");
  table.set("n'", "ン");
  table.set("-", "ー");
  return table;
}

let table: Map<string, string> | undefined;

function isSyllableStart(rest: string): boolean {
  return [...(table?.keys() ?? [])].some((key) => key.length > rest.length && key.startsWith(rest));
}

/**
 * Romaji as katakana ("mizuho" -> "ミズホ", "toukyou" -> "トウキョウ"), or undefined when the
 * text is not romaji. A trailing half-typed syllable ("mizuh") is dropped, so a search can
 * run as the user types.
 */
export function romajiToKatakana(input: string): string | undefined {
  table ??= romajiTable();
  const text = input.toLowerCase().replace(/\s+/g, "");
  if (!/^[a-z'-]+$/.test(text)) return undefined;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const here = text[i] ?? "";
    const next = text[i + 1] ?? "";
    const match = [3, 2, 1].map((n) => text.slice(i, i + n)).find((s) => table?.has(s));
    if (match) {
      out += table.get(match);
      i += match.length;
    } else if (here === "n" && (next === "" || (!VOWELS.includes(next) && next !== "y"))) {
      out += "ン";
      i += 1;
    } else if (here === next && !VOWELS.includes(here)) {
      out += "ッ"; // a doubled consonant: "kk" in "hokkaido"
      i += 1;
    } else if (here === "t" && next === "c") {
      out += "ッ"; // "matcha"
      i += 1;
    } else if (isSyllableStart(text.slice(i))) {
      break; // a syllable still being typed
    } else {
      return undefined;
    }
  }
  return out === "" ? undefined : out;
}
