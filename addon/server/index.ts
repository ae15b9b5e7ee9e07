import { answering } from "./answer";
import * as attachments from "./attachments";
import * as bulkContracts from "./bulkContracts";
import * as check from "./check";
import * as companyOrders from "./companyOrders";
import * as contractSheet from "./contractSheet";
import * as contracts from "./contracts";
import * as drive from "./drive";
import * as estimate from "./estimate";
import * as invoice from "./invoice";
import * as notifications from "./notifications";
import * as orders from "./orders";
import * as review from "./review";
import * as settings from "./settings";
import * as sidebar from "./sidebar";
import * as sync from "./sync";
import * as timesheet from "./timesheet";

// The single list of functions Apps Script may call. `npm run build` turns each export into a
// global function. Menu items and triggers are called by Apps Script itself; everything the
// sidebar calls through google.script.run answers the envelope (answer.ts), so the API's
// issues reach it whole.

// Menu items and triggers.
export { onEdit } from "./check";
export { menuCreateTimesheet, menuSync, onInstall, onOpen, showSidebar } from "./menu";
export { menuPullReview } from "./review";

// The sidebar's calls.
export const getSidebarState = answering(sidebar.getSidebarState);
export const getSettings = answering(settings.getSettings);
export const saveSettings = answering(settings.saveSettings);
export const getAccount = answering(invoice.getAccount);
export const listNotifications = answering(notifications.listNotifications);
export const markNotificationRead = answering(notifications.markNotificationRead);

// The partner's month: timesheet, check, sync, estimate, invoice, files.
export const listContracts = answering(contracts.listContracts);
export const createTimesheet = answering(timesheet.createTimesheet);
export const checkTimesheet = answering(check.checkTimesheet);
export const syncTimesheet = answering(sync.syncTimesheet);
export const getEstimate = answering(estimate.getEstimate);
export const getInvoice = answering(invoice.getInvoice);
export const saveInvoice = answering(invoice.saveInvoice);
export const submitInvoice = answering(invoice.submitInvoice);
export const attachFile = answering(attachments.attachFile);
export const listAttachments = answering(attachments.listAttachments);
export const previewInvoice = answering(attachments.previewInvoice);
export const openAttachment = answering(attachments.openAttachment);
export const saveInvoicePdfToDrive = answering(drive.saveInvoicePdfToDrive);

// The partner's purchase orders.
export const listMyOrders = answering(orders.listMyOrders);
export const getOrder = answering(orders.getOrder);
export const approveOrder = answering(orders.approveOrder);
export const returnOrder = answering(orders.returnOrder);

// The company's review.
export const listCompanyInvoices = answering(invoice.listCompanyInvoices);
export const getInvoiceDetail = answering(invoice.getInvoiceDetail);
export const approveInvoice = answering(invoice.approveInvoice);
export const returnInvoice = answering(invoice.returnInvoice);
export const pullCompanyReview = answering(review.pullCompanyReview);

// The company's contracts in bulk (the 契約一括作成 sheet) and purchase orders to send.
export const makeContractSheet = answering(contractSheet.makeContractSheet);
export const checkContractSheet = answering(bulkContracts.checkContractSheet);
export const createFromContractSheet = answering(bulkContracts.createFromContractSheet);
export const listOrdersToSend = answering(companyOrders.listOrdersToSend);
export const sendPurchaseOrder = answering(companyOrders.sendPurchaseOrder);

// The company's tools (payment runs, journal export, annual statements): menu items, and the
// calls of their own dialogs, which handle a thrown error themselves.
export { menuAnnualStatements, pullAnnualStatements } from "./annualStatements";
export { menuCreateContracts } from "./bulkContracts";
export { menuContractSheet } from "./contractSheet";
export { exportJournal, menuJournalExport } from "./journalExport";
export {
  markPaymentRunPaid,
  menuMarkPaymentRunPaid,
  menuPaymentRun,
  preparePaymentRun,
} from "./paymentRun";
