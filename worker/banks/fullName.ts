// The Zengin list names a bank as its short form (みずほ, 城南信金, 三井住友); documents print
// the full name (みずほ銀行, 城南信用金庫). Banks (codes below 1000) take 銀行 unless their name
// already says what they are; the others spell out their list's abbreviation.

const SUFFIXES: [short: string, full: string][] = [
  ["信漁連", "信用漁業協同組合連合会"],
  ["信金", "信用金庫"],
  ["信組", "信用組合"],
  ["信連", "信用農業協同組合連合会"],
  ["農協", "農業協同組合"],
  ["漁協", "漁業協同組合"],
  ["労金", "労働金庫"],
];

const WHOLE: Record<string, string> = {
  商工中金: "商工組合中央金庫",
  農林中金: "農林中央金庫",
};

/** The full name of a Zengin bank, from its code and list name; other names stay as given. */
export function bankFullName(code: string | null | undefined, name: string): string {
  const whole = WHOLE[name];
  if (whole) return whole;
  for (const [short, full] of SUFFIXES) {
    if (name.endsWith(short)) return name.slice(0, -short.length) + full;
  }
  if (!code || !/^\d{4}$/.test(code)) return name;
  // ゆうちょ (9900) and the banks (0001-0999); foreign banks that name themselves stay as named.
  const isBank = code === "9900" || Number(code) < 1000;
  if (!isBank || /(銀行$|バンク|エヌ.エイ$)/.test(name)) return name;
  return `${name}銀行`;
}
