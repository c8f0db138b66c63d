import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { countRows, storedProposal } from "#tests/helpers/proposals.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.nouvelle.tsx";

const form = {
  title: "Des bancs à l'ombre devant l'école",
  body: "Les parents attendent la sortie des classes debout, en plein soleil.",
  ambitionNumber: "8",
  secondaryAmbitions: ["2", "4"],
  axes: ["transition_ecologique", "participation_habitants"],
  quartierCode: "QP062024",
  communeSlug: "lens",
  placeDescription: "Rue de la Gare",
  intent: "publish",
};

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, { password: null, ...input });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const post = (body: Record<string, string | string[]>, cookie?: string) => settle(action(actionArgs(postRequest("/propositions/nouvelle", body, { cookie }))));
const proposalIdIn = (response: Response) => /^\/propositions\/([0-9a-f-]{36})$/.exec(response.headers.get("Location") ?? "")?.[1];

describe("/propositions/nouvelle", () => {
  test("anonymous visitors are sent to sign in, and back here after", async () => {
    for (const response of [await settle(loader(loaderArgs(getRequest("/propositions/nouvelle")))), await post(form)]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fpropositions%2Fnouvelle");
    }
  });

  test("an unverified resident gets a page saying to confirm the address (403), and cannot post", async () => {
    const { cookie } = await signedIn({ verified: false });
    const page = await settle(loader(loaderArgs(getRequest("/propositions/nouvelle", { cookie }))));
    expect(page.status).toBe(403);
    expect(await page.json()).toEqual({ title: "Confirmez d'abord votre adresse e-mail", unverified: true, blocked: null });
    const response = await post(form, cookie);
    expect(response.status).toBe(403);
    expect((await countRows()).proposals).toBe(0);
  });

  test("the form offers the ambitions, axes and places, starting from the profile's quartier and commune", async () => {
    const { cookie } = await signedIn({ communeSlug: "lens", quartierCode: "QP062024" });
    const response = await settle(loader(loaderArgs(getRequest("/propositions/nouvelle", { cookie }))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data).toMatchObject({ title: "Proposer une idée", unverified: false, defaults: { communeSlug: "lens", quartierCode: "QP062024" } });
    expect(data.choices.piliers.flatMap((p: { ambitions: unknown[] }) => p.ambitions)).toHaveLength(12);
  });

  test("« Publier »: published with every checked box, the author sees it with a thank-you", async () => {
    const { user, cookie } = await signedIn();
    const response = await post(form, cookie);
    expect(response.status).toBe(302);
    expect(await flashSetBy(response)).toBe("proposals:flash.published");
    const stored = await storedProposal(proposalIdIn(response)!);
    expect(stored.row).toMatchObject({ authorId: user.id, status: "published", ambitionNumber: 8, quartierCode: "QP062024", communeSlug: "lens" });
    expect(stored.secondaryAmbitions).toEqual([2, 4]);
    expect(stored.axes.sort()).toEqual(["participation_habitants", "transition_ecologique"]);
    expect(stored.followers).toEqual([user.id]);
  });

  test("« Enregistrer comme brouillon »: a draft; a form without a button is a draft too", async () => {
    const { cookie } = await signedIn();
    const draft = await post({ ...form, intent: "draft" }, cookie);
    expect(await flashSetBy(draft)).toBe("proposals:flash.draftSaved");
    expect((await storedProposal(proposalIdIn(draft)!)).row!.status).toBe("draft");
    const { intent: _intent, ...noButton } = form;
    expect((await storedProposal(proposalIdIn(await post(noButton, cookie))!)).row!.status).toBe("draft");
  });

  test("bad input: 400, a message per field, everything typed kept (checked boxes too), nothing saved", async () => {
    const { cookie } = await signedIn();
    const response = await post({ ...form, title: "Bancs", body: "", ambitionNumber: "", secondaryAmbitions: ["2", "4", "6", "7"], quartierCode: "", communeSlug: "" }, cookie);
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data.errors).toEqual({
      title: "proposals:validation.titleTooShort",
      body: "validation.required",
      ambitionNumber: "proposals:validation.ambitionRequired",
      secondaryAmbitions: "proposals:validation.tooManySecondaryAmbitions",
    });
    expect(data.values).toEqual({ ...form, title: "Bancs", body: "", ambitionNumber: "", secondaryAmbitions: ["2", "4", "6", "7"], quartierCode: "", communeSlug: "" });
    // Once the fields are right, the rules between them speak.
    const noPlace = await post({ ...form, secondaryAmbitions: ["8"], quartierCode: "", communeSlug: "" }, cookie);
    expect((await noPlace.json()).errors).toEqual({ quartierCode: "proposals:validation.placeRequired", secondaryAmbitions: "proposals:validation.secondaryIsMain" });
    expect((await countRows()).proposals).toBe(0);
  });

  test("a quartier outside the chosen commune, or unknown places: 400 with the field's message", async () => {
    const { cookie } = await signedIn();
    const elsewhere = await post({ ...form, quartierCode: "QP062028" }, cookie);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.json()).toMatchObject({ errors: { communeSlug: "proposals:validation.quartierNotInCommune" }, values: { quartierCode: "QP062028", axes: form.axes } });
    const unknown = await post({ ...form, quartierCode: "QP999999", communeSlug: "atlantis", axes: ["inconnu"] }, cookie);
    expect((await unknown.json()).errors).toEqual({ quartierCode: "proposals:validation.unknownQuartier", communeSlug: "proposals:validation.unknownCommune", axes: "validation.invalid" });
    expect((await countRows()).proposals).toBe(0);
  });

  test("hostile input: 10 000 characters refused, not a form refused, HTML and SQL stored as text", async () => {
    const { cookie } = await signedIn();
    const long = await post({ ...form, title: "x".repeat(10_000) }, cookie);
    expect(long.status).toBe(400);
    expect((await long.json()).errors).toEqual({ title: "proposals:validation.titleTooLong" });
    const notAForm = await settle(
      action(actionArgs(new Request("http://localhost:3000/propositions/nouvelle", { method: "POST", body: "{}", headers: { "Content-Type": "application/json", Cookie: cookie } }))),
    );
    expect(notAForm.status).toBe(400);
    const hostile = { ...form, title: "<script>alert(1)</script>'); drop table proposals; --", placeDescription: "<img src=x onerror=alert(1)>" };
    const saved = await post(hostile, cookie);
    expect(saved.status).toBe(302);
    expect((await storedProposal(proposalIdIn(saved)!)).row).toMatchObject({ title: hostile.title, placeDescription: hostile.placeDescription });
  });

  test("posting too many ideas in an hour: 429 with a message, what was typed kept", async () => {
    const { cookie } = await signedIn();
    // Each a different text: the same one twice would be refused as repeated before the limit is reached.
    for (let i = 0; i < RATE_LIMITS.proposal.account.points; i++) expect((await post({ ...form, body: `${form.body} (${i})` }, cookie)).status).toBe(302);
    const response = await post(form, cookie);
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ errors: { form: "proposals:validation.tooMany" }, values: form });
    expect((await countRows()).proposals).toBe(RATE_LIMITS.proposal.account.points);
  });
});
