import type { components } from "../../worker/http/client/apiTypes";

// The API's answers as the add-on reads them: the types generated from /openapi.json
// (`npm run api:types`), never copied by hand, so a change of the API shows here at compile time.

type Schemas = components["schemas"];

export type Invoice = Schemas["Invoice"];
export type InvoiceInputs = Schemas["InvoiceInputs"];
/** What the partner sends to save a draft (PUT .../months/{month}/invoice). */
export type InvoiceInput = Schemas["InvoiceInput"];
export type InvoiceListItem = Schemas["InvoiceListItem"];
export type InvoiceList = Schemas["InvoiceList"];
export type InvoiceStatus = Invoice["status"];
export type BankAccount = Schemas["BankAccount"];
export type Order = Schemas["PurchaseOrder"];
export type OrderStatus = Order["status"];
export type Contract = Schemas["Contract"];
export type ContractDetail = Schemas["ContractDetail"];
export type ContractListItem = Schemas["ContractListItem"];
export type MonthRules = Schemas["MonthRules"];
export type User = Schemas["User"];
