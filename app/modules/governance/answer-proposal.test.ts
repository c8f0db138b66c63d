import { describe, expect, test } from "vitest";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { answerProposal } from "./answer-proposal.server.ts";
import { AnswerSchema } from "./gtp.schema.ts";
import { copilMeeting, person, proposalRow, qualifiedProposal, stepEmailsTo, stepTrail } from "#tests/factories/gtp.ts";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return validateFormData(data, AnswerSchema);
};

describe("answering a proposal directly", () => {
  test("outside the contract: the public answer names who can act; answered_at is set; event, audit and the author's email", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const author = await person("Nadia");
    const proposal = await qualifiedProposal({ authorId: author.id, status: "under_review" });
    const input = { version: 0, answerKind: "outside_contract", answerText: "Les horaires des bus relèvent du syndicat des transports.", competentBody: "Syndicat mixte des transports Artois-Gohelle" } as const;
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input })).toEqual({ status: "ok" });
    const row = await proposalRow(proposal.id);
    expect(row).toMatchObject({ status: "answered", answerKind: "outside_contract", governanceVersion: 1 });
    expect(row.answeredAt).toBeInstanceOf(Date);
    const trail = await stepTrail(proposal.id);
    expect(trail.events).toEqual([{ kind: "answered", actorId: coordinator.id, payload: { answerKind: "outside_contract", text: input.answerText, competentBody: input.competentBody } }]);
    expect(trail.audits).toMatchObject([{ action: "governance.answer", reason: input.answerText, changes: { status: { before: "under_review", after: "answered" } } }]);
    const [mail] = await stepEmailsTo(author.email);
    expect(mail!.text).toContain("Syndicat mixte des transports Artois-Gohelle");
    expect(mail!.text).toContain(input.answerText);
  });

  test("a qualified proposal may be answered before anyone instructs it; the competent body is only kept for « outside the contract »", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const proposal = await qualifiedProposal();
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: proposal.id, input: { version: 0, answerKind: "already_done", answerText: "Les bancs ont été posés en mars.", competentBody: "Ville" } })).toEqual({ status: "ok" });
    expect((await stepTrail(proposal.id)).events[0]!.payload).toEqual({ answerKind: "already_done", text: "Les bancs ont été posés en mars.", competentBody: null });
  });

  test("the form refuses « outside the contract » without the competent body, and an empty answer", () => {
    const missing = form({ version: "0", answerKind: "outside_contract", answerText: "Ce n'est pas de notre ressort." });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors).toEqual({ competentBody: "gtp:validation.competentBodyRequired" });
    const empty = form({ version: "0", answerKind: "already_done", answerText: "  " });
    if (!empty.ok) expect(empty.errors).toEqual({ answerText: "gtp:validation.answerTextRequired" });
    expect(empty.ok).toBe(false);
    expect(form({ version: "x", answerKind: "nope", answerText: "Oui." }).ok).toBe(false);
  });

  test("a proposal on an agenda waits for the COPIL; an answered one cannot be answered twice", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    await copilMeeting();
    const onAgenda = await qualifiedProposal({ status: "on_copil_agenda" });
    const input = { version: 0, answerKind: "already_done", answerText: "C'est fait.", competentBody: "" } as const;
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: onAgenda.id, input })).toEqual({ status: "not_allowed" });
    const answered = await qualifiedProposal({ status: "answered" });
    expect(await answerProposal({ actor: coordinator.viewer, proposalId: answered.id, input })).toEqual({ status: "not_allowed" });
    expect(await stepTrail(onAgenda.id)).toEqual({ events: [], audits: [] });
  });
});
