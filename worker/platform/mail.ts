import { eq } from "drizzle-orm";
import { outbox } from "../db/schema";
import type { Deps } from "../deps";
import type { OutgoingMail } from "./mailTransport";

/**
 * Every mail is written to the outbox first, then handed to the transport; a failure is
 * recorded on the row rather than failing the action that sent it.
 */
export async function sendMail(
  deps: Pick<Deps, "db" | "mail" | "now">,
  mail: OutgoingMail & { template: string },
): Promise<string> {
  const [row] = await deps.db
    .insert(outbox)
    .values({ ...mail, createdAt: deps.now() })
    .returning({ id: outbox.id });
  const id = row?.id ?? "";
  try {
    await deps.mail.send(mail);
    await deps.db.update(outbox).set({ sentAt: deps.now(), attempts: 1 }).where(eq(outbox.id, id));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.db.update(outbox).set({ attempts: 1, lastError: message }).where(eq(outbox.id, id));
  }
  return id;
}
