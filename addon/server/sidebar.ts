import { type Lang, userLang } from "./i18n";
import { getSettings, type Settings } from "./settings";
import { activeTimesheet, infoOf, type TimesheetInfo } from "./timesheet";

// What the sidebar asks for when it opens: language, settings, the timesheet in front.

export interface SidebarState {
  lang: Lang;
  settings: Settings;
  timesheet: TimesheetInfo | null;
  /** The current month (YYYY-MM) in Japan, the default for a new timesheet. */
  thisMonth: string;
}

export function getSidebarState(): SidebarState {
  const timesheet = activeTimesheet();
  return {
    lang: userLang(),
    settings: getSettings(),
    timesheet: timesheet ? infoOf(timesheet) : null,
    thisMonth: Utilities.formatDate(new Date(), "Asia/Tokyo", "yyyy-MM"),
  };
}
