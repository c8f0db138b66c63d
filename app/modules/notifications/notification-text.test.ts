import { describe, expect, test } from "vitest";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { NOTIFICATION_EVENT_KINDS, NOTIFICATION_REASONS } from "#db/schema/index.ts";
import { DESCRIBED_STEPS, describeNotification, type NoticeSubject } from "./notification-text.ts";

const P = "11111111-1111-4111-8111-111111111111";
const C = "22222222-2222-4222-8222-222222222222";
const S = "33333333-3333-4333-8333-333333333333";

const notice = (change: Partial<NoticeSubject>): NoticeSubject => ({
  kind: "proposal_step",
  payload: {},
  reason: "follower",
  proposalId: P,
  proposalTitle: "Des bancs à l'ombre",
  contributionId: null,
  laboSessionId: null,
  laboSessionTitle: null,
  ...change,
});

describe("describeNotification", () => {
  test("a step: the sentence, the change alone for digests, why, the proposal's page, and the words written with it", async () => {
    const t = await getFixedT("fr", "notifications");
    expect(describeNotification(t, notice({ reason: "supporter", payload: { step: "decided", decision: "partly_retained", reasons: "Le budget permet la moitié des bancs." } }))).toEqual({
      sentence: "Le comité de pilotage a décidé pour la proposition « Des bancs à l'ombre » : retenue en partie.",
      change: "a reçu la décision du comité de pilotage : retenue en partie",
      why: "Vous soutenez cette proposition.",
      href: `/propositions/${P}`,
      detail: "Le budget permet la moitié des bancs.",
    });
    const en = await getFixedT("en", "notifications");
    expect(describeNotification(en, notice({ reason: "author", payload: { step: "answered", answerKind: "outside_contract", text: "Ask the transport authority." } }))).toMatchObject({
      sentence: "The partners answered the proposal “Des bancs à l'ombre”: it is outside the city contract.",
      why: "You wrote this proposal.",
      detail: "Ask the transport authority.",
    });
  });

  test("the variants of a step, and a step it does not know", async () => {
    const t = await getFixedT("fr", "notifications");
    const sentence = (payload: Record<string, unknown>) => describeNotification(t, notice({ payload })).sentence;
    expect(sentence({ step: "under_review", partnerName: "Ville de Lens", reopened: false })).toBe("La proposition « Des bancs à l'ombre » est à l'étude au groupe technique partenarial (GTP).");
    expect(sentence({ step: "under_review", reopened: true })).toBe("La proposition « Des bancs à l'ombre » est de nouveau à l'étude au groupe technique partenarial (GTP).");
    expect(sentence({ step: "under_review", returnedFromAgenda: S })).toContain("est retirée du programme du comité de pilotage");
    expect(sentence({ step: "on_copil_agenda", meetingTitle: "Comité de pilotage du printemps" })).toContain("(« Comité de pilotage du printemps »)");
    expect(sentence({ step: "milestone_reached", title: "Commande des bancs" })).toBe("L'étape « Commande des bancs » de la proposition « Des bancs à l'ombre » est franchie.");
    expect(sentence({ step: "merged_in", otherTitle: "Des bancs" })).toBe("Une proposition proche, « Des bancs », rejoint la proposition « Des bancs à l'ombre ».");
    expect(sentence({ step: "decided", decision: "nonsense" })).toBe("Le comité de pilotage a décidé pour la proposition « Des bancs à l'ombre ».");
    expect(sentence({ step: "created" })).toBe("La proposition « Des bancs à l'ombre » a avancé.");
    expect(sentence({})).toBe("La proposition « Des bancs à l'ombre » a avancé.");
  });

  test("moderation, replies and the Labo: their sentences and their places", async () => {
    const t = await getFixedT("fr", "notifications");
    expect(describeNotification(t, notice({ kind: "proposal_hidden", reason: "author", payload: { reason: "spam", trigger: "reports" } }))).toMatchObject({
      sentence: "Votre proposition « Des bancs à l'ombre » a été masquée par la modération.",
      href: `/propositions/${P}`,
    });
    expect(describeNotification(t, notice({ kind: "proposal_restored", reason: "author", payload: { trigger: "premoderation" } })).sentence).toBe(
      "Votre proposition « Des bancs à l'ombre » est publiée : la modération l'a acceptée.",
    );
    expect(describeNotification(t, notice({ kind: "contribution_reply", reason: "contribution_author", contributionId: C }))).toMatchObject({
      sentence: "Quelqu'un a répondu à votre contribution sur la proposition « Des bancs à l'ombre ».",
      why: "Vous avez écrit cette contribution.",
      href: `/contributions/${C}`,
    });
    const session = { proposalId: null, proposalTitle: null, laboSessionId: S, laboSessionTitle: "Se déplacer sans voiture", reason: "registrant" as const };
    expect(describeNotification(t, notice({ ...session, kind: "labo_session_cancelled", payload: { reason: "La salle est fermée." } }))).toEqual({
      sentence: "Le rendez-vous du Labo « Se déplacer sans voiture » est annulé.",
      change: "est annulé",
      why: "Vous êtes inscrit·e à ce rendez-vous.",
      href: `/labo/${S}`,
      detail: "La salle est fermée.",
    });
    expect(describeNotification(t, notice({ ...session, kind: "labo_minutes_published" })).href).toBe(`/labo/${S}/compte-rendu`);
  });

  test("a title is text, not a template; a missing title says so", async () => {
    const t = await getFixedT("fr", "notifications");
    expect(describeNotification(t, notice({ proposalTitle: "{{why}} $t(common:layout.siteName)", payload: { step: "done" } })).sentence).toBe("La proposition « {{why}} $t(common:layout.siteName) » est réalisée.");
    expect(describeNotification(t, notice({ proposalTitle: null, payload: { step: "done" } })).sentence).toBe("La proposition « sans titre » est réalisée.");
  });

  test("every kind, step and reason has its words in both languages", async () => {
    for (const locale of ["fr", "en"] as const) {
      const t = await getFixedT(locale, "notifications");
      const texts = [
        ...NOTIFICATION_EVENT_KINDS.filter((kind) => kind !== "proposal_step").map((kind) => describeNotification(t, notice({ kind, laboSessionTitle: "S" }))),
        ...DESCRIBED_STEPS.map((step) => describeNotification(t, notice({ payload: { step, decision: "retained", answerKind: "already_done" } }))),
        ...NOTIFICATION_REASONS.map((reason) => describeNotification(t, notice({ reason }))),
      ];
      for (const text of texts) {
        for (const words of [text.sentence, text.change, text.why]) expect(words, `${locale}: ${words}`).not.toMatch(/notifications:|text\.|{{/);
      }
    }
  });
});
