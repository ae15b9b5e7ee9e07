import type { Account } from "../server/invoice";
import type { SidebarState } from "../server/sidebar";
import { companyOrdersSection } from "./companyOrders";
import { companyReviewSection } from "./companyReview";
import { contractSheetSection } from "./contractSheet";
import { el, note } from "./dom";
import { showError } from "./errors";
import { serverCalls as server } from "./gas";
import { invoiceSection } from "./invoice";
import { notificationsSection } from "./notifications";
import { ordersSection } from "./orders";
import { createSection, monthSection } from "./partnerMonth";
import { settingsSection } from "./settings";
import { setLang, w } from "./words";

// The sidebar, Japanese first. One module per section: the partner's month (partnerMonth.ts),
// invoice (invoice.ts, attachments.ts), purchase orders (orders.ts); the company's review
// (companyReview.ts); notifications and settings. This file only decides who sees what.

const app = document.getElementById("app") as HTMLElement;

/** The sections a company's reviewer sees, in order; a new company screen adds its own here. */
export const COMPANY_SECTIONS: ((account: Account) => HTMLElement)[] = [
  companyReviewSection,
  contractSheetSection,
  companyOrdersSection,
];

/** The first screen asked for by the menu ("create" from 勤務表を作成), used once. */
function takeView(): string | undefined {
  const holder = globalThis as { __SHIMEBI_VIEW__?: string };
  const view = holder.__SHIMEBI_VIEW__;
  holder.__SHIMEBI_VIEW__ = undefined;
  return view;
}

function partnerSections(state: SidebarState, view: string | undefined): HTMLElement[] {
  const create = createSection(state, () => void start());
  if (!state.timesheet || view === "create") {
    return [create, note(w("noTimesheet"), "muted")];
  }
  let month: { refresh(clear?: boolean): Promise<void> } | null = null;
  const invoice = invoiceSection(() => month?.refresh(true));
  const section = monthSection(
    state,
    () => invoice.choices(),
    () => invoice.reload(true),
  );
  month = section;
  return [section.node, invoice.node, create];
}

function start(): Promise<void> {
  const view = takeView();
  return server.getSidebarState().then(
    (state) => {
      setLang(state.lang);
      // Company reviewers see their invoices; anyone else (or no API yet) the partner's view.
      return server.getAccount().then(
        (account) => {
          const sections =
            account.companies.length > 0
              ? COMPANY_SECTIONS.map((section) => section(account))
              : [...partnerSections(state, view), ordersSection()];
          app.replaceChildren(notificationsSection(), ...sections, settingsSection(state));
        },
        (error) => {
          const out = el("div", { id: "account-error" });
          showError(error, out);
          app.replaceChildren(out, ...partnerSections(state, view), settingsSection(state));
        },
      );
    },
    (error) => showError(error, app),
  );
}

void start();
