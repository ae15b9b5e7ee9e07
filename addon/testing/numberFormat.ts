// What Sheets shows for a value under a number format, for the formats the add-on sets:
// yen (#,##0"円", "¥"#,##0) and dates (yyyy"年"m"月"d"日", yyyy-mm-dd, yyyy"年"m"月",
// yyyy-mm). Dates are held as Sheets reads ISO text (2025-07-26); other values show as text.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The format's parts: "quoted" literals as { text }, the rest as pattern. */
function parts(format: string): { text?: string; pattern?: string }[] {
  return format
    .split(/("[^"]*")/)
    .map((part) => (part.startsWith('"') ? { text: part.slice(1, -1) } : { pattern: part }));
}

function showDate(value: string, format: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y = "", m = "", d = ""] = match;
  const tokens: Record<string, string> = {
    yyyy: y,
    mm: m,
    m: String(Number(m)),
    dd: d,
    d: String(Number(d)),
  };
  return parts(format)
    .map((p) => p.text ?? (p.pattern ?? "").replace(/yyyy|mm|m|dd|d/g, (t) => tokens[t] ?? t))
    .join("");
}

function showNumber(value: number, format: string): string {
  const grouped = Math.round(value).toLocaleString("en-US");
  return parts(format)
    .map((p) => p.text ?? (p.pattern ?? "").replace("#,##0", grouped))
    .join("");
}

export function displayOf(value: unknown, format: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && format.includes("#,##0")) return showNumber(value, format);
  if (typeof value === "string" && /y/.test(format)) return showDate(value, format) ?? value;
  return String(value);
}
