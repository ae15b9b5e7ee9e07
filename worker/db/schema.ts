// Every table of the product (drizzle-kit reads this module to generate migrations/), one
// file per part of the product; row types are exported beside their tables.

export * from "./accountTables";
export * from "./approvalTables";
export * from "./contractTables";
export * from "./invoiceTables";
export * from "./paymentTables";
export * from "./webhookTables";
