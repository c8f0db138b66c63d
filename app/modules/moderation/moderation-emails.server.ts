/**
 * The messages moderation sends, after its transaction has committed (a failed delivery never undoes a
 * decision). Each function takes what the transaction collected.
 */
import { appUrl } from "#app/env.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import type { ModerationSubjectType, ReportReason } from "#db/schema/index.ts";

export type Recipient = { email: string; locale: string; displayName: string };

export type PendingEmail =
  | { kind: "hidden"; to: Recipient; subjectType: ModerationSubjectType; reason: ReportReason; note: string; caseId: string }
  | { kind: "outcome"; to: Recipient; subjectType: ModerationSubjectType; hidden: boolean }
  | { kind: "warning"; to: Recipient; message: string }
  | { kind: "suspension"; to: Recipient; until: Date; message: string }
  | { kind: "contest"; to: Recipient; subjectType: ModerationSubjectType; restored: boolean; note: string }
  | { kind: "approved"; to: Recipient; proposalId: string; title: string };

export async function sendModerationEmails(emails: PendingEmail[]) {
  for (const email of emails) {
    const base = { to: email.to.email, locale: email.to.locale };
    const displayName = email.to.displayName;
    switch (email.kind) {
      case "hidden":
        await queueEmail({
          ...base,
          template: "moderation-hidden",
          data: { displayName, subjectType: email.subjectType, reason: email.reason, note: email.note, contestUrl: `${appUrl}/moderation/contestation/${email.caseId}` },
        });
        break;
      case "outcome":
        await queueEmail({ ...base, template: "moderation-report-outcome", data: { displayName, subjectType: email.subjectType, hidden: email.hidden } });
        break;
      case "warning":
        await queueEmail({ ...base, template: "moderation-warning", data: { displayName, message: email.message, charterUrl: `${appUrl}/charte` } });
        break;
      case "suspension": {
        const until = new Intl.DateTimeFormat(email.to.locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(email.until);
        await queueEmail({ ...base, template: "moderation-suspension", data: { displayName, until, message: email.message, charterUrl: `${appUrl}/charte` } });
        break;
      }
      case "approved":
        await queueEmail({ ...base, template: "moderation-approved", data: { displayName, title: email.title, proposalUrl: `${appUrl}/propositions/${email.proposalId}` } });
        break;
      case "contest":
        await queueEmail({ ...base, template: "moderation-contest-decision", data: { displayName, subjectType: email.subjectType, restored: email.restored, note: email.note } });
        break;
    }
  }
}
