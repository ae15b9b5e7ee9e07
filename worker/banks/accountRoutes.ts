import { z } from "@hono/zod-openapi";
import { currentUser } from "../http/auth";
import { defineRoute } from "../http/route";
import { createRouter } from "../http/router";
import { errorResponse } from "../http/schemas";
import {
  createBankAccount,
  deleteBankAccount,
  listBankAccounts,
  makeDefaultBankAccount,
  serializeBankAccount,
} from "./accounts";
import { bankRoutes } from "./routes";
import { bankAccountIdParam, bankAccountSchema, newBankAccountSchema } from "./schemas";

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});
const unauthenticated = { 401: errorResponse("Not signed in") };
const notYours = { 404: errorResponse("No such bank account of yours") };

const list = defineRoute({
  method: "get",
  path: "/v1/me/bank-accounts",
  operationId: "listMyBankAccounts",
  tags: ["Bank accounts"],
  summary: "Your bank accounts, the default first",
  responses: { 200: json("Bank accounts", z.array(bankAccountSchema)), ...unauthenticated },
});

const create = defineRoute({
  method: "post",
  path: "/v1/me/bank-accounts",
  operationId: "addMyBankAccount",
  tags: ["Bank accounts"],
  summary:
    "Add a bank account: domestic by Zengin bank and branch codes (names come from the list), or overseas as free text",
  request: {
    body: { required: true, content: { "application/json": { schema: newBankAccountSchema } } },
  },
  responses: {
    201: json("Added", bankAccountSchema),
    422: errorResponse(
      "Unknown bank or branch code, a number not 7 digits, a holder name not in kana",
    ),
    ...unauthenticated,
  },
});

const remove = defineRoute({
  method: "delete",
  path: "/v1/me/bank-accounts/{bankAccountId}",
  operationId: "deleteMyBankAccount",
  tags: ["Bank accounts"],
  summary: "Remove a bank account; if it was the default, the newest one left becomes default",
  request: { params: bankAccountIdParam },
  responses: { 204: { description: "Removed" }, ...notYours, ...unauthenticated },
});

const makeDefault = defineRoute({
  method: "post",
  path: "/v1/me/bank-accounts/{bankAccountId}/default",
  operationId: "setDefaultBankAccount",
  tags: ["Bank accounts"],
  summary: "Make this your default bank account",
  request: { params: bankAccountIdParam },
  responses: { 200: json("Now the default", bankAccountSchema), ...notYours, ...unauthenticated },
});

/** The accounts, and the Zengin lookups their form uses (mounted together: one line in app.ts). */
export function bankAccountRoutes() {
  return createRouter()
    .route("/", bankRoutes())
    .openapi(list, async (c) => {
      const accounts = await listBankAccounts(c.var.deps, currentUser(c));
      return c.json(accounts.map(serializeBankAccount), 200);
    })
    .openapi(create, async (c) => {
      const account = await createBankAccount(c.var.deps, currentUser(c), c.req.valid("json"));
      return c.json(serializeBankAccount(account), 201);
    })
    .openapi(remove, async (c) => {
      await deleteBankAccount(c.var.deps, currentUser(c), c.req.valid("param").bankAccountId);
      return c.body(null, 204);
    })
    .openapi(makeDefault, async (c) => {
      const account = await makeDefaultBankAccount(
        c.var.deps,
        currentUser(c),
        c.req.valid("param").bankAccountId,
      );
      return c.json(serializeBankAccount(account), 200);
    });
}
