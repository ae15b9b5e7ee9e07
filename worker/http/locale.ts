export type Locale = "ja" | "en";

/**
 * The caller's language from Accept-Language: Japanese when it is preferred over English,
 * English otherwise (integrators mostly send no header).
 */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "en";
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale | undefined = tag.startsWith("ja")
      ? "ja"
      : tag.startsWith("en")
        ? "en"
        : undefined;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "en";
}
