import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { db, type Db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { isLocale, type Locale } from "#app/modules/i18n/i18n.ts";
import { emailOutbox } from "#db/schema/index.ts";
import { dispatchOutbox } from "./dispatch-outbox.server.ts";
import type { EmailT } from "#emails/components/email-layout.tsx";
import { LaboMinutesEmail, laboMinutesSubject, type LaboMinutesData } from "#emails/labo-minutes.tsx";
import { LaboPromotedEmail, laboPromotedSubject, type LaboPromotedData } from "#emails/labo-promoted.tsx";
import { LaboRegistrationEmail, laboRegistrationSubject, type LaboRegistrationData } from "#emails/labo-registration.tsx";
import { LaboReminderEmail, laboReminderSubject, type LaboReminderData } from "#emails/labo-reminder.tsx";
import { LaboSessionChangedEmail, laboSessionChangedSubject, type LaboSessionChangedData } from "#emails/labo-session-changed.tsx";
import { MagicLinkEmail, magicLinkSubject, type MagicLinkData } from "#emails/magic-link.tsx";
import { ModerationApprovedEmail, moderationApprovedSubject, type ModerationApprovedData } from "#emails/moderation-approved.tsx";
import { ModerationContestDecisionEmail, moderationContestDecisionSubject, type ModerationContestDecisionData } from "#emails/moderation-contest-decision.tsx";
import { ModerationHiddenEmail, moderationHiddenSubject, type ModerationHiddenData } from "#emails/moderation-hidden.tsx";
import { ModerationReportOutcomeEmail, moderationReportOutcomeSubject, type ModerationReportOutcomeData } from "#emails/moderation-report-outcome.tsx";
import { ModerationSuspensionEmail, moderationSuspensionSubject, type ModerationSuspensionData } from "#emails/moderation-suspension.tsx";
import { ModerationWarningEmail, moderationWarningSubject, type ModerationWarningData } from "#emails/moderation-warning.tsx";
import { PasswordResetEmail, passwordResetSubject, type PasswordResetData } from "#emails/password-reset.tsx";
import { ProposalStepEmail, proposalStepSubject, type ProposalStepData } from "#emails/proposal-step.tsx";
import { ProposalQualifiedEmail, proposalQualifiedSubject, type ProposalQualifiedData } from "#emails/proposal-qualified.tsx";
import { SignUpAttemptEmail, signUpAttemptSubject, type SignUpAttemptData } from "#emails/sign-up-attempt.tsx";
import { VerifyEmail, verifyEmailSubject, type VerifyEmailData } from "#emails/verify-email.tsx";
import { NotificationEmail, notificationSubject, type NotificationEmailData } from "#emails/notification.tsx";
import { NotificationDigestEmail, notificationDigestSubject, type NotificationDigestData } from "#emails/notification-digest.tsx";

type Template<D> = { subject: (t: EmailT, data: D) => string; element: (t: EmailT, lang: Locale, data: D) => ReactElement };

/** Every message the app sends: its name (stored in the outbox), subject and body. */
const TEMPLATES = {
  "verify-email": {
    subject: (t) => verifyEmailSubject(t),
    element: (t, lang, data) => createElement(VerifyEmail, { t, lang, ...data }),
  } satisfies Template<VerifyEmailData>,
  "magic-link": {
    subject: (t) => magicLinkSubject(t),
    element: (t, lang, data) => createElement(MagicLinkEmail, { t, lang, ...data }),
  } satisfies Template<MagicLinkData>,
  "password-reset": {
    subject: (t) => passwordResetSubject(t),
    element: (t, lang, data) => createElement(PasswordResetEmail, { t, lang, ...data }),
  } satisfies Template<PasswordResetData>,
  "sign-up-attempt": {
    subject: (t) => signUpAttemptSubject(t),
    element: (t, lang, data) => createElement(SignUpAttemptEmail, { t, lang, ...data }),
  } satisfies Template<SignUpAttemptData>,
  "proposal-qualified": {
    subject: (t) => proposalQualifiedSubject(t),
    element: (t, lang, data) => createElement(ProposalQualifiedEmail, { t, lang, ...data }),
  } satisfies Template<ProposalQualifiedData>,
  "proposal-step": {
    subject: (t, data) => proposalStepSubject(t, data),
    element: (t, lang, data) => createElement(ProposalStepEmail, { t, lang, ...data }),
  } satisfies Template<ProposalStepData>,
  "labo-minutes": {
    subject: (t, data) => laboMinutesSubject(t, data),
    element: (t, lang, data) => createElement(LaboMinutesEmail, { t, lang, ...data }),
  } satisfies Template<LaboMinutesData>,
  "labo-registration": {
    subject: (t, data) => laboRegistrationSubject(t, data),
    element: (t, lang, data) => createElement(LaboRegistrationEmail, { t, lang, ...data }),
  } satisfies Template<LaboRegistrationData>,
  "labo-promoted": {
    subject: (t, data) => laboPromotedSubject(t, data),
    element: (t, lang, data) => createElement(LaboPromotedEmail, { t, lang, ...data }),
  } satisfies Template<LaboPromotedData>,
  "labo-reminder": {
    subject: (t, data) => laboReminderSubject(t, data),
    element: (t, lang, data) => createElement(LaboReminderEmail, { t, lang, ...data }),
  } satisfies Template<LaboReminderData>,
  "labo-session-changed": {
    subject: (t, data) => laboSessionChangedSubject(t, data),
    element: (t, lang, data) => createElement(LaboSessionChangedEmail, { t, lang, ...data }),
  } satisfies Template<LaboSessionChangedData>,
  "moderation-hidden": {
    subject: (t) => moderationHiddenSubject(t),
    element: (t, lang, data) => createElement(ModerationHiddenEmail, { t, lang, ...data }),
  } satisfies Template<ModerationHiddenData>,
  "moderation-report-outcome": {
    subject: (t) => moderationReportOutcomeSubject(t),
    element: (t, lang, data) => createElement(ModerationReportOutcomeEmail, { t, lang, ...data }),
  } satisfies Template<ModerationReportOutcomeData>,
  "moderation-warning": {
    subject: (t) => moderationWarningSubject(t),
    element: (t, lang, data) => createElement(ModerationWarningEmail, { t, lang, ...data }),
  } satisfies Template<ModerationWarningData>,
  "moderation-suspension": {
    subject: (t) => moderationSuspensionSubject(t),
    element: (t, lang, data) => createElement(ModerationSuspensionEmail, { t, lang, ...data }),
  } satisfies Template<ModerationSuspensionData>,
  "moderation-approved": {
    subject: (t) => moderationApprovedSubject(t),
    element: (t, lang, data) => createElement(ModerationApprovedEmail, { t, lang, ...data }),
  } satisfies Template<ModerationApprovedData>,
  "moderation-contest-decision": {
    subject: (t) => moderationContestDecisionSubject(t),
    element: (t, lang, data) => createElement(ModerationContestDecisionEmail, { t, lang, ...data }),
  } satisfies Template<ModerationContestDecisionData>,
  notification: {
    subject: (t, data) => notificationSubject(t, data),
    element: (t, lang, data) => createElement(NotificationEmail, { t, lang, ...data }),
  } satisfies Template<NotificationEmailData>,
  "notification-digest": {
    subject: (t, data) => notificationDigestSubject(t, data),
    element: (t, lang, data) => createElement(NotificationDigestEmail, { t, lang, ...data }),
  } satisfies Template<NotificationDigestData>,
};

export type EmailTemplateName = keyof typeof TEMPLATES;
type DataOf<N extends EmailTemplateName> = Parameters<(typeof TEMPLATES)[N]["element"]>[2];

/** A file sent with a message; `content` is base64 (what Resend takes, and what the outbox keeps). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type QueueEmailInput<N extends EmailTemplateName> = {
  to: string;
  locale: string;
  template: N;
  data: DataOf<N>;
  attachments?: EmailAttachment[];
  /** Extra headers sent with the message (List-Unsubscribe…). */
  headers?: Record<string, string>;
  /** Queueing twice with the same key writes one message ("notification:<id>"). */
  dedupeKey?: string;
};
export type QueueEmailOptions = { tx?: Db };
export type EmailQueued = { status: "queued"; messageId: string };
export type QueueEmailResult = EmailQueued | { status: "duplicate" };

/**
 * Renders a template in the recipient's language and writes it to the outbox, in the caller's transaction
 * when `tx` is given. Without RESEND_API_KEY the outbox is the delivery (read at /dev/boite-mail): the
 * message is sent as soon as it is written. With the key it is pending: the dispatcher
 * (dispatch-outbox.server.ts) sends it, retries it, and gives up on it where administrators can see it.
 * Only rendering or the database can make this throw; the provider never does.
 */
export async function queueEmail<N extends EmailTemplateName>(input: QueueEmailInput<N> & { dedupeKey?: undefined }, options?: QueueEmailOptions): Promise<EmailQueued>;
export async function queueEmail<N extends EmailTemplateName>(input: QueueEmailInput<N>, options?: QueueEmailOptions): Promise<QueueEmailResult>;
export async function queueEmail<N extends EmailTemplateName>(input: QueueEmailInput<N>, options: QueueEmailOptions = {}): Promise<QueueEmailResult> {
  const lang: Locale = isLocale(input.locale) ? input.locale : "fr";
  const template = TEMPLATES[input.template] as unknown as Template<DataOf<N>>;
  const t = (await getFixedT(lang, "emails")) as unknown as EmailT;
  const element = template.element(t, lang, input.data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const message = {
    to: input.to,
    subject: template.subject(t, input.data),
    template: input.template,
    html,
    text,
    attachments: input.attachments?.length ? input.attachments : null,
    headers: input.headers && Object.keys(input.headers).length ? input.headers : null,
    dedupeKey: input.dedupeKey ?? null,
  };
  const now = new Date();
  const delivery = env.RESEND_API_KEY
    ? ({ provider: "resend", status: "pending", nextAttemptAt: now } as const)
    : ({ provider: "outbox", status: "sent", sentAt: now } as const);
  const [row] = await (options.tx ?? db)
    .insert(emailOutbox)
    .values({ ...message, ...delivery })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  if (!row) return { status: "duplicate" };
  // Written outside a transaction, the row is visible now: send it at once rather than at the next tick
  // (in a caller's transaction it is not yet; the dispatch job picks it up within seconds of the commit).
  if (delivery.status === "pending" && !options.tx) {
    void dispatchOutbox(db, { ids: [row.id] }).catch((error: unknown) => console.error(`Email ${row.id} could not be dispatched at once:`, error));
  }
  return { status: "queued", messageId: row.id };
}
