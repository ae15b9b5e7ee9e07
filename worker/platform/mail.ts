import { eq } from "drizzle-orm";
import { outbox } from "../db/schema";
import type { Deps } from "../deps";
import type { OutgoingMail } from "./mailTransport";

export type Mail = OutgoingMail & { template: string };

/**
 * The outbox row of a mail, id chosen here, so a caller can write it in its own batch with the
 * change it reports, and hand it to the transport (`deliverMail`) later.
 */
export function outboxRow(deps: Pick<Deps, "now">, mail: Mail) {
  return { id: crypto.randomUUID(), ...mail, createdAt: deps.now() };
}

/** Hands a written outbox row to the transport; a failure is recorded on the row. */
export async function deliverMail(
  deps: Pick<Deps, "db" | "mail" | "now">,
  id: string,
  mail: OutgoingMail,
): Promise<void> {
  try {
    await deps.mail.send(mail);
    await deps.db.update(outbox).set({ sentAt: deps.now(), attempts: 1 }).where(eq(outbox.id, id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.update(outbox).set({ attempts: 1, lastError: message }).where(eq(outbox.id, id));
  }
}

/**
 * Every mail is written to the outbox first, then handed to the transport; a failure is
 * recorded on the row rather than failing the action that sent it.
 */
export async function sendMail(
  deps: Pick<Deps, "db" | "mail" | "now">,
  mail: Mail,
): Promise<string> {
  const row = outboxRow(deps, mail);
  await deps.db.insert(outbox).values(row);
  await deliverMail(deps, row.id, mail);
  return row.id;
}
