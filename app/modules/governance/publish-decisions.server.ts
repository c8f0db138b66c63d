/**
 * Publishing a meeting's relevé de décisions: in one transaction the meeting becomes public and every
 * proposal on its agenda takes its decision as a step (status, timeline event, audit); retained, partly
 * retained and not retained proposals are answered (droit de suite); postponed ones go back to the GTP's
 * queue with that decision. Any refusal rolls everything back. Authors are emailed after the commit, each
 * in their language.
 */
import { asc, eq, inArray } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { agendaItems, governanceMeetings, proposals, users, type ProposalDecision } from "#db/schema/index.ts";
import { lockMeeting, meetingLabel } from "./agenda-shared.server.ts";
import { lockForStep, writeStep } from "./governance-steps.server.ts";
import { emailAuthorsOfSteps, type StepEmail } from "./step-emails.server.ts";

export type PublishResult =
  | { status: "ok"; decided: number }
  | { status: "not_found" }
  | { status: "not_held" } // still planned
  | { status: "already_published" }
  | { status: "undecided"; titles: string[] } // proposal items without a decision or reasons
  | { status: "conflict"; titles: string[] }; // proposals that cannot take the step (hidden, moved meanwhile)

class Refused extends Error {
  constructor(readonly result: PublishResult) {
    super(result.status);
  }
}

const ANSWERING: readonly ProposalDecision[] = ["retained", "partly_retained", "not_retained"];

export async function publishDecisions({ actor, meetingId, summary }: { actor: { id: string }; meetingId: string; summary: string }): Promise<PublishResult> {
  let published: { meeting: { bodyKey: string; title: string; startsAt: Date }; steps: { proposalId: string; decision: ProposalDecision; reasons: string }[] };
  try {
    published = await db.transaction(async (tx) => {
      const meeting = await lockMeeting(tx, meetingId);
      if (!meeting) throw new Refused({ status: "not_found" });
      if (meeting.status === "planned") throw new Refused({ status: "not_held" });
      if (meeting.status === "published") throw new Refused({ status: "already_published" });
      const items = await tx.select().from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.id));
      const proposalItems = items.filter((i) => i.kind === "proposal" && i.proposalId);
      const undecided = proposalItems.filter((i) => !i.decision || !i.publicReasons);
      if (undecided.length) throw new Refused({ status: "undecided", titles: undecided.map((i) => i.title) });

      const now = new Date();
      const steps: { proposalId: string; decision: ProposalDecision; reasons: string }[] = [];
      // Locked in id order, as every multi-proposal step does, so two of them never wait on each other.
      const byProposal = [...proposalItems].sort((a, b) => (a.proposalId! < b.proposalId! ? -1 : 1));
      const blocked: string[] = [];
      for (const item of byProposal) {
        const decision = item.decision!;
        const reasons = item.publicReasons!;
        const locked = await lockForStep(tx, item.proposalId!, null);
        if (locked.status !== "locked" || locked.proposal.status !== "on_copil_agenda") {
          blocked.push(item.title);
          continue;
        }
        const answers = ANSWERING.includes(decision);
        const step = await writeStep(tx, locked.proposal, {
          actorId: actor.id,
          event: "decided",
          payload: { decision, reasons, meetingId, meetingTitle: meeting.title, meetingDate: meeting.startsAt.toISOString(), bodyKey: meeting.bodyKey },
          to: "decided",
          set: { decision, ...(answers ? { answeredAt: locked.proposal.answeredAt ?? now, answerKind: "copil_decision" as const } : {}) },
          audit: "governance.copil_decision",
          reason: reasons,
        });
        if (step.status !== "ok") blocked.push(item.title);
        else steps.push({ proposalId: item.proposalId!, decision, reasons });
      }
      if (blocked.length) throw new Refused({ status: "conflict", titles: blocked });

      await tx.update(governanceMeetings).set({ status: "published", publishedAt: now, summary, updatedAt: now }).where(eq(governanceMeetings.id, meetingId));
      await recordAudit(tx, {
        actorId: actor.id,
        action: "governance.publish_decisions",
        subjectType: "governance_meeting",
        subjectId: meetingId,
        changes: { status: { before: meeting.status, after: "published" }, decisions: { before: null, after: steps.map((s) => ({ proposalId: s.proposalId, decision: s.decision })) } },
        reason: summary,
      });
      return { meeting, steps };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }

  await emailAuthors(published.meeting, published.steps);
  return { status: "ok", decided: published.steps.length };
}

/** One email per decided proposal, the meeting named in each author's language. */
async function emailAuthors(meeting: { bodyKey: string; title: string; startsAt: Date }, steps: { proposalId: string; decision: ProposalDecision; reasons: string }[]) {
  if (!steps.length) return;
  try {
    const authors = await db
      .select({ proposalId: proposals.id, locale: users.locale })
      .from(proposals)
      .innerJoin(users, eq(users.id, proposals.authorId))
      .where(
        inArray(
          proposals.id,
          steps.map((s) => s.proposalId),
        ),
      );
    const labels = { fr: await meetingLabel(meeting, "fr"), en: await meetingLabel(meeting, "en") };
    const emails: StepEmail[] = steps.map((s) => {
      const locale = authors.find((a) => a.proposalId === s.proposalId)?.locale === "en" ? "en" : "fr";
      return { proposalId: s.proposalId, step: "decided", outcome: s.decision, text: s.reasons, meeting: labels[locale] };
    });
    await emailAuthorsOfSteps(emails);
  } catch (error) {
    // The relevé is published either way; a mail failure is logged, never turned into an error page.
    console.error(`The decision emails of meeting "${meeting.title}" could not be sent:`, error);
  }
}
