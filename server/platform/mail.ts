import nodemailer from 'nodemailer';

export type Mailer = {
  send: (m: { to: string; subject: string; text: string }) => Promise<void>;
  close: () => void;
};

/**
 * Email over SMTP, from `SMTP_URL` (smtp://user:password@host:587, or smtps:// for TLS) and
 * `SMTP_FROM`. Without a URL there is no mailer, and reminders stay in the app.
 */
export function createMailer(url: string | undefined, from: string): Mailer | null {
  if (!url) return null;
  const transport = nodemailer.createTransport(url);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
