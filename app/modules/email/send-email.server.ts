import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { Resend } from "resend";
import { db } from "#app/db.server.ts";
import { env } from "#app/env.server.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { isLocale, type Locale } from "#app/modules/i18n/i18n.ts";
import { emailOutbox } from "#db/schema/index.ts";
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
};

export type EmailTemplateName = keyof typeof TEMPLATES;
type DataOf<N extends EmailTemplateName> = Parameters<(typeof TEMPLATES)[N]["element"]>[2];

/** A file sent with a message; `content` is base64 (what Resend takes, and what the outbox keeps). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type SendEmailInput<N extends EmailTemplateName> = { to: string; locale: string; template: N; data: DataOf<N>; attachments?: EmailAttachment[] };
export type SendEmailResult =
  | { status: "sent"; messageId: string; provider: "resend" | "outbox" }
  | { status: "failed"; messageId: string; provider: "resend"; error: string };

/**
 * Renders a template in the recipient's language and delivers it: through Resend when RESEND_API_KEY is
 * set, otherwise into the outbox table (read at /dev/boite-mail). Either way the message is recorded in
 * the outbox, so the app behaves the same. Provider failures are returned, never thrown: a sign-up must
 * not fail because an email could not leave.
 */
export async function sendEmail<N extends EmailTemplateName>(input: SendEmailInput<N>): Promise<SendEmailResult> {
  const lang: Locale = isLocale(input.locale) ? input.locale : "fr";
  const template = TEMPLATES[input.template] as unknown as Template<DataOf<N>>;
  const t = (await getFixedT(lang, "emails")) as unknown as EmailT;
  const element = template.element(t, lang, input.data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const attachments = input.attachments?.length ? input.attachments : null;
  const message = { to: input.to, subject: template.subject(t, input.data), template: input.template, html, text, attachments };

  const apiKey = env.RESEND_API_KEY;
  if (!apiKey) {
    const [row] = await db.insert(emailOutbox).values({ ...message, provider: "outbox" }).returning({ id: emailOutbox.id });
    return { status: "sent", messageId: row!.id, provider: "outbox" };
  }

  let providerId: string | null = null;
  let error: string | null = null;
  try {
    const response = await new Resend(apiKey).emails.send({
      from: env.EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      html,
      text,
      ...(attachments ? { attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
    });
    if (response.error) error = `${response.error.name}: ${response.error.message}`;
    else providerId = response.data.id;
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const [row] = await db
    .insert(emailOutbox)
    .values({ ...message, provider: "resend", providerId, error })
    .returning({ id: emailOutbox.id });
  if (error !== null) {
    console.error(`Email "${input.template}" could not be sent through Resend: ${error}`);
    return { status: "failed", messageId: row!.id, provider: "resend", error };
  }
  return { status: "sent", messageId: row!.id, provider: "resend" };
}
