// How a mail leaves: one interface, a provider adapter chosen by environment.

export type OutgoingMail = { to: string; subject: string; text: string };

export type MailTransport = {
  name: string;
  send(mail: OutgoingMail): Promise<void>;
};

/** Local default: the mail stays in the outbox, readable at /dev/outbox. */
export const outboxOnlyTransport: MailTransport = {
  name: "outbox",
  async send() {},
};

/** Resend's HTTP API (POST /emails), usable from Workers and Node alike. */
export function resendTransport(
  apiKey: string,
  from: string,
  fetcher: typeof fetch,
): MailTransport {
  return {
    name: "resend",
    async send(mail) {
      const res = await fetcher("https://api.resend.com/emails", {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ from, to: [mail.to], subject: mail.subject, text: mail.text }),
      });
      if (!res.ok)
        throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    },
  };
}

/** MAIL_PROVIDER=resend with RESEND_API_KEY and MAIL_FROM; anything else keeps mail local. */
export function transportFromEnv(
  env: Record<string, string | undefined>,
  fetcher: typeof fetch,
): MailTransport {
  if (env.MAIL_PROVIDER === "resend") {
    if (!env.RESEND_API_KEY || !env.MAIL_FROM) {
      throw new Error("MAIL_PROVIDER=resend needs RESEND_API_KEY and MAIL_FROM");
    }
    return resendTransport(env.RESEND_API_KEY, env.MAIL_FROM, fetcher);
  }
  return outboxOnlyTransport;
}
