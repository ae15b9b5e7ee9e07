import holidays from "@holiday-jp/holiday_jp/lib/holidays";

/** Japan's national holidays (国民の祝日) by ISO date, from @holiday-jp/holiday_jp. */
export const nationalHolidays: ReadonlySet<string> = new Set(Object.keys(holidays));
