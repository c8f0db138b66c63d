/**
 * Turns recorded events into notifications, in the background. One statement per batch, set-based
 * whatever the number of people: it claims the oldest pending events (`for update skip locked`, so two
 * runs never take the same ones), gathers every tie people have with each event (author, supporters,
 * followers, the replied-to contribution's author, registrants, council members), keeps each person's closest tie once per
 * event, leaves out the actor, suspended and deleted accounts and anything hidden from them, inserts the
 * notices (`on conflict do nothing`: a second run adds nothing), and stamps the events as fanned out.
 */
import { sql } from "drizzle-orm";
import type { Db } from "#app/db.server.ts";
import { every, type ScheduledJob } from "#app/modules/jobs/scheduled-jobs.server.ts";

export const FAN_OUT_BATCH = 100;
/** Batches per job run: a backlog drains over a few runs instead of holding one run for long. */
const BATCHES_PER_RUN = 20;

export type FanOutResult = { events: number; notifications: number };

/**
 * The ties, one row per (event, person, tie). Rank orders them: the closest tie names the notice's
 * category and reason (author over supporter over follower over a seat on a council that carries or
 * follows the proposal). Council ties are read from current memberships (`left_at is null`) at fan-out
 * time: a member who left hears nothing more. An answered interpellation reaches its author (category
 * `council` for a council's, `own_proposal` for a network member's: it is their own question) and the
 * members of its council.
 *
 * What is hidden from people is read now, at fan-out time: a proposal hidden since its step notifies
 * nobody; its hiding and restoring are told to its author only. A reply notifies the author of the
 * contribution it answers, unless the reply, that contribution or the proposal is hidden or deleted.
 */
const TIES = sql`
  select e.id as event_id, p.author_id as user_id, 'own_proposal' as category, 'author' as reason, 1 as rank
    from claimed e join proposals p on p.id = e.proposal_id
   where (e.kind = 'proposal_step' and p.hidden_at is null) or e.kind in ('proposal_hidden', 'proposal_restored')
  union all
  select e.id, s.user_id, 'supported_proposal', 'supporter', 2
    from claimed e join proposals p on p.id = e.proposal_id join supports s on s.proposal_id = p.id
   where e.kind = 'proposal_step' and p.hidden_at is null
  union all
  select e.id, f.user_id, 'followed_proposal', 'follower', 3
    from claimed e join proposals p on p.id = e.proposal_id join proposal_follows f on f.proposal_id = p.id
   where e.kind = 'proposal_step' and p.hidden_at is null
  union all
  select e.id, parent.author_id, 'contribution_reply', 'contribution_author', 1
    from claimed e
    join contributions reply on reply.id = e.contribution_id
    join contributions parent on parent.id = reply.parent_id
    join proposals p on p.id = reply.proposal_id
   where e.kind = 'contribution_reply'
     and reply.hidden_at is null and reply.deleted_at is null
     and parent.hidden_at is null and parent.deleted_at is null
     and p.hidden_at is null
  union all
  select e.id, r.user_id, 'labo_session', 'registrant', 1
    from claimed e join labo_registrations r on r.session_id = e.labo_session_id
   where e.kind in ('labo_session_changed', 'labo_session_cancelled', 'labo_minutes_published') and r.status <> 'cancelled'
  union all
  select e.id, m.user_id, 'council', 'council_member', 4
    from claimed e
    join proposals p on p.id = e.proposal_id
    join council_proposals cp on cp.proposal_id = p.id
    join council_members m on m.council_code = cp.council_code and m.left_at is null and m.user_id is not null
   where e.kind = 'proposal_step' and p.hidden_at is null
  union all
  select e.id, i.author_id, case when i.source = 'council' then 'council' else 'own_proposal' end, 'author', 1
    from claimed e join interpellations i on i.id = e.interpellation_id
   where e.kind = 'interpellation_answered' and i.hidden_at is null
  union all
  select e.id, m.user_id, 'council', 'council_member', 2
    from claimed e
    join interpellations i on i.id = e.interpellation_id
    join council_members m on m.council_code = i.council_code and m.left_at is null and m.user_id is not null
   where e.kind = 'interpellation_answered' and i.hidden_at is null`;

/** Fans out one batch of pending events, oldest first, in one statement (so one transaction). */
export async function fanOutNotifications(db: Db, { batch = FAN_OUT_BATCH }: { batch?: number } = {}): Promise<FanOutResult> {
  const result = await db.execute(sql`
    with claimed as (
      select id, kind, proposal_id, contribution_id, labo_session_id, interpellation_id, actor_id
        from notification_events
       where fanned_out_at is null
       order by created_at, id
       limit ${batch}
         for update skip locked),
    ties as (${TIES}),
    chosen as (
      select distinct on (t.event_id, t.user_id) t.event_id, t.user_id, t.category, t.reason
        from ties t
        join claimed e on e.id = t.event_id
        join users u on u.id = t.user_id
       where t.user_id is distinct from e.actor_id
         and (u.suspended_until is null or u.suspended_until <= now())
       order by t.event_id, t.user_id, t.rank),
    inserted as (
      insert into notifications (user_id, event_id, category, reason)
      select user_id, event_id, category, reason from chosen
      on conflict (user_id, event_id) do nothing
      returning 1),
    stamped as (
      update notification_events set fanned_out_at = now()
       where id in (select id from claimed)
      returning 1)
    select (select count(*) from stamped)::int as events, (select count(*) from inserted)::int as notifications`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { events: number; notifications: number }[];
  return { events: Number(rows[0]?.events ?? 0), notifications: Number(rows[0]?.notifications ?? 0) };
}

/** Fans out every pending event, batch after batch (up to a bound per run). Tests call it directly. */
export async function fanOutPendingNotifications(db: Db, { batch = FAN_OUT_BATCH, maxBatches = BATCHES_PER_RUN }: { batch?: number; maxBatches?: number } = {}): Promise<FanOutResult> {
  const total: FanOutResult = { events: 0, notifications: 0 };
  for (let i = 0; i < maxBatches; i++) {
    const done = await fanOutNotifications(db, { batch });
    total.events += done.events;
    total.notifications += done.notifications;
    if (done.events < batch) break;
  }
  return total;
}

/** Every 5 seconds, once across all app instances (app/modules/jobs). */
export const notificationFanOutJob: ScheduledJob = { name: "notification-fan-out", next: every(5_000), run: (db) => fanOutPendingNotifications(db) };
