/**
 * What the GTP's use cases share beyond lockForStep/writeStep: who may act, a change that is not a step
 * (it bumps the version and is audited, but writes no timeline event), and the words of the author's email
 * written in the author's language (dates, the COPIL meeting).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { fallbackLng, isLocale, type Locale } from "#app/modules/i18n/i18n.ts";
import { proposals, users } from "#db/schema/index.ts";
import type { LockedProposal } from "./governance-steps.server.ts";

export type Coordinator = NonNullable<Viewer>;
export type Forbidden = { status: "forbidden" };

export function mayInstruct(actor: Coordinator) {
  return can(actor, "governance.manage");
}

/**
 * A change on a locked proposal that is not a step of its life (another partner, a revised analysis):
 * the version moves, so a coordinator's form built before it answers "conflict", and the audit says who.
 */
export async function touchProposal(tx: Db, proposal: LockedProposal, entry: { actorId: string; audit: string; changes?: Record<string, { before: unknown; after: unknown }>; reason?: string | null }) {
  await tx
    .update(proposals)
    .set({ governanceVersion: sql`${proposals.governanceVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(proposals.id, proposal.id));
  await recordAudit(tx, { actorId: entry.actorId, action: entry.audit, subjectType: "proposal", subjectId: proposal.id, changes: entry.changes, reason: entry.reason ?? null });
}

/** The language the author reads their emails in (French when there is no author any more). */
export async function authorLocale(tx: Db, authorId: string | null): Promise<Locale> {
  if (!authorId) return fallbackLng;
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, authorId)).limit(1);
  return isLocale(row?.locale) ? row.locale : fallbackLng;
}

/** "12 mars 2027" / "March 12, 2027", in the territory's time zone. */
export function longDate(date: Date | string, locale: Locale) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" }).format(new Date(date));
}

/** « comité de pilotage du 12 mars 2027 », as the step email says it. */
export async function copilMeetingLabel(startsAt: Date | string, locale: Locale) {
  const t = await getFixedT(locale, "gtp");
  return t("email.copilMeeting", { date: longDate(startsAt, locale) });
}
