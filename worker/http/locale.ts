export type Locale = "ja" | "en";

/**
 * The caller's language from Accept-Language: Japanese when none is named (the product is
 * Japanese first) or when Japanese is preferred over English; English when English is
 * preferred or only other languages are named.
 */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage?.trim()) return "ja";
  let best: { locale: Locale; q: number } | undefined;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.find((p) => p.trim().startsWith("q="));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // "*" (any language, as fetch clients send by default) takes the product's first.
    const locale: Locale | undefined =
      tag.startsWith("ja") || tag === "*" ? "ja" : tag.startsWith("en") ? "en" : undefined;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "en";
}
