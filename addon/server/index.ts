// The single list of functions Apps Script may call: menu items, triggers and the sidebar's
// google.script.run. `npm run build` turns each export into a global function.

export { menuAnnualStatements, pullAnnualStatements } from "./annualStatements";
export { attachFile, listAttachments, previewInvoice } from "./attachments";
export { checkTimesheet, onEdit } from "./check";
export { listContracts } from "./contracts";
export { saveInvoicePdfToDrive } from "./drive";
export { getEstimate } from "./estimate";
export {
  approveInvoice,
  getAccount,
  getInvoice,
  listCompanyInvoices,
  returnInvoice,
  saveInvoice,
  submitInvoice,
} from "./invoice";
export { exportJournal, menuJournalExport } from "./journalExport";
export { menuCreateTimesheet, menuSync, onInstall, onOpen, showSidebar } from "./menu";
export { listNotifications, markNotificationRead } from "./notifications";
export { approveOrder, listMyOrders, returnOrder } from "./orders";
export {
  markPaymentRunPaid,
  menuMarkPaymentRunPaid,
  menuPaymentRun,
  preparePaymentRun,
} from "./paymentRun";
export { menuPullReview, pullCompanyReview } from "./review";
export { getSettings, saveSettings } from "./settings";
export { getSidebarState } from "./sidebar";
export { syncTimesheet } from "./sync";
export { createTimesheet } from "./timesheet";
