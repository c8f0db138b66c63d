/**
 * Which notices leave by email, for the immediate job and the digests alike: one query shape, so the
 * rules below hold for both.
 *
 * - The rhythm is the person's choice for the notice's category, else the default, computed in SQL from
 *   DEFAULT_FREQUENCIES (frequencyDefaults).
 * - Only to a confirmed address (nobody can have notices mailed to someone else's address by signing up
 *   with it), never to a suspended account (a deleted one has no notices left: they cascade).
 * - Never about something hidden since the notice was made (the proposal, the reply, the interpellation), except the hiding
 *   and restoring of the author's own proposal.
 * - Within a look-back window: a notice left behind (a rhythm changed from « jamais », a long outage) is
 *   still in the notifications centre, but does not arrive by email days later.
 *
 * Some notices already have their own email (`toldByOwnEmail`, `toldByModeration`): they are stamped as
 * emailed without a second message. See README, « Notification emails ».
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import type { NotificationCategory, NotificationEventKind, NotificationFrequency, NotificationReason } from "#db/schema/index.ts";
import { PROPOSAL_STEP_KINDS } from "#emails/proposal-step.tsx";
import { frequencyDefaults } from "./preference-queries.server.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How old a notice may be and still leave, by rhythm (a digest also covers a missed run). */
export const LOOK_BACK_MS: Record<Exclude<NotificationFrequency, "none">, number> = { immediate: DAY, daily: 3 * DAY, weekly: 14 * DAY };

const list = (values: readonly string[]) => sql.join(values.map((value) => sql`${value}`), sql`, `);

/**
 * The author's step and qualification emails (emailProposalAuthor) and the registrants' change,
 * cancellation and minutes emails (registration-emails, publish-minutes) go at once to people whose
 * rhythm for that category is « immédiatement »: for them, that email is the notice's email.
 */
const AUTHOR_EMAILED_STEPS = ["qualified", ...PROPOSAL_STEP_KINDS];
const REGISTRANT_EMAILED_KINDS: NotificationEventKind[] = ["labo_session_changed", "labo_session_cancelled", "labo_minutes_published"];
const TOLD_BY_OWN_EMAIL = sql`(n.category = 'own_proposal' and e.kind = 'proposal_step' and e.payload->>'step' in (${list(AUTHOR_EMAILED_STEPS)}))
  or (n.category = 'labo_session' and e.kind in (${list(REGISTRANT_EMAILED_KINDS)}))`;
/** A moderation decision is always emailed to the author, with its reasons and how to contest it. */
const MODERATION_KINDS: NotificationEventKind[] = ["proposal_hidden", "proposal_restored"];
const TOLD_BY_MODERATION = sql`e.kind in (${list(MODERATION_KINDS)})`;

export type NoticeRow = {
  id: string;
  userId: string;
  category: NotificationCategory;
  reason: NotificationReason;
  kind: NotificationEventKind;
  payload: Record<string, unknown>;
  proposalId: string | null;
  proposalTitle: string | null;
  contributionId: string | null;
  laboSessionId: string | null;
  laboSessionTitle: string | null;
  interpellationId: string | null;
  interpellationTitle: string | null;
  email: string;
  locale: string;
  displayName: string;
  toldByOwnEmail: boolean;
  toldByModeration: boolean;
};

/**
 * The notices of one rhythm that may leave now, created in [since, until), with everything an email
 * needs (the event, the title, the recipient) in the same row. `scope` narrows further (a batch of
 * users); `tail` orders, limits and locks.
 */
export function selectNotices({ rhythm, now, since, until, scope, tail }: { rhythm: Exclude<NotificationFrequency, "none">; now: Date; since: Date; until: Date; scope?: SQL; tail?: SQL }): SQL {
  return sql`
    select n.id, n.user_id as "userId", n.category, n.reason, e.kind, e.payload,
           e.proposal_id as "proposalId", p.title as "proposalTitle", e.contribution_id as "contributionId",
           e.labo_session_id as "laboSessionId", s.title as "laboSessionTitle",
           e.interpellation_id as "interpellationId", i.title as "interpellationTitle",
           u.email, u.locale, u.display_name as "displayName",
           (${TOLD_BY_OWN_EMAIL}) as "toldByOwnEmail", (${TOLD_BY_MODERATION}) as "toldByModeration"
      from notifications n
      join notification_events e on e.id = n.event_id
      join users u on u.id = n.user_id
      join ${frequencyDefaults("d")} on d.category = n.category
      left join notification_preferences np on np.user_id = n.user_id and np.category = n.category
      left join proposals p on p.id = e.proposal_id
      left join labo_sessions s on s.id = e.labo_session_id
      left join contributions c on c.id = e.contribution_id
      left join interpellations i on i.id = e.interpellation_id
     where n.emailed_at is null
       and n.created_at >= ${since.toISOString()}::timestamptz and n.created_at < ${until.toISOString()}::timestamptz
       and coalesce(np.frequency, d.frequency) = ${rhythm}
       and u.email_verified_at is not null
       and (u.suspended_until is null or u.suspended_until <= ${now.toISOString()}::timestamptz)
       and (p.hidden_at is null or (${TOLD_BY_MODERATION}))
       and (c.id is null or (c.hidden_at is null and c.deleted_at is null))
       and (i.id is null or i.hidden_at is null)
       ${scope ?? sql``}
     ${tail ?? sql``}`;
}

/** Rows of a raw query, whichever driver runs it (postgres.js gives an array, PGlite `{ rows }`). */
export async function rowsOf<T>(executor: Db, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Marks notices as gone by email (alone, in a digest, or by their own email). */
export async function stampEmailed(executor: Db, ids: string[], now: Date) {
  if (!ids.length) return;
  await executor.execute(sql`update notifications set emailed_at = ${now.toISOString()}::timestamptz where id in (${list(ids)})`);
}
