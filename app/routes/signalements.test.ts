import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getContributionsSection } from "#app/modules/contributions/contribution-queries.server.ts";
import { moderationCases } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { contributionByAuthor } from "#tests/helpers/moderation.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action } from "./signalements.tsx";

async function signedIn() {
  const user = await insertUser(db, { password: null });
  return sessionCookieFor(user.id);
}

const post = (form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest("/signalements", form, { cookie }))));

describe("POST /signalements", () => {
  test("without JavaScript: back to the page with thanks; a second report is answered kindly, not an error", async () => {
    const { contribution, proposal } = await contributionByAuthor();
    const cookie = await signedIn();
    const form = { subjectType: "contribution", subjectId: contribution.id, reason: "harassment", details: "Il insulte les voisins.", redirectTo: `/propositions/${proposal.id}#contribution-${contribution.id}` };
    const first = await post(form, cookie);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(form.redirectTo);
    expect(await flashSetBy(first)).toBe("moderation:report.thanks");
    const again = await post(form, cookie);
    expect(again.status).toBe(302);
    expect(await flashSetBy(again)).toBe("moderation:report.already");
    const [c] = await db.select().from(moderationCases).where(eq(moderationCases.subjectId, contribution.id));
    expect(c!.reportCount).toBe(1);
  });

  test("with JavaScript: a message to announce; the third person's report takes the words off the page", async () => {
    const { contribution, proposal } = await contributionByAuthor();
    for (let i = 0; i < 3; i++) {
      const response = await post({ subjectType: "contribution", subjectId: contribution.id, reason: "spam", _js: "1", redirectTo: "/" }, await signedIn());
      expect(await response.json()).toEqual({ status: "ok", message: "moderation:report.thanks" });
    }
    const section = await getContributionsSection({ proposalId: proposal.id, viewerId: null });
    const item = section?.items.find((i) => i.id === contribution.id);
    expect(item).toMatchObject({ state: "hidden", body: null });
  });

  test("no reason: 400 with what was typed; own content: 403 with the reason; an open redirect is refused", async () => {
    const { author, contribution } = await contributionByAuthor();
    const cookie = await signedIn();
    const missing = await post({ subjectType: "contribution", subjectId: contribution.id, details: "Je garde ce texte.", redirectTo: "https://ailleurs.example" }, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ errors: { reason: "moderation:validation.reasonRequired" }, values: { details: "Je garde ce texte." }, redirectTo: "/" });
    const own = await post({ subjectType: "contribution", subjectId: contribution.id, reason: "spam", _js: "1" }, await sessionCookieFor(author.id));
    expect(own.status).toBe(403);
    expect(await own.json()).toMatchObject({ status: "error", errors: { form: "moderation:report.ownContent" } });
  });

  test("a suspended account reads but may not report: 403 with the reason, nothing recorded", async () => {
    const { contribution, proposal } = await contributionByAuthor();
    const suspended = await insertUser(db, { password: null, suspendedUntil: new Date(Date.now() + 3 * 24 * 3600_000) });
    const form = { subjectType: "contribution", subjectId: contribution.id, reason: "spam", details: "", redirectTo: `/propositions/${proposal.id}` };
    const response = await post(form, await sessionCookieFor(suspended.id));
    expect(response.status).toBe(403);
    expect((await response.json()).errors).toEqual({ form: "common:writeBlocked.suspended" });
    expect(await db.select().from(moderationCases).where(eq(moderationCases.subjectId, contribution.id))).toHaveLength(0);
  });
});
