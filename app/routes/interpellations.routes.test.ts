/** The interpellation pages: the council's form, the toolbox's form, the public page, the GTP's answer page and queue. */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { interpellations, proposals } from "#db/schema/index.ts";
import { person } from "#tests/factories/gtp.ts";
import { councilMember, insertInterpellation } from "#tests/factories/interpellations.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as councilForm from "./conseils-citoyens.$code_.interpeller.tsx";
import * as toolbox from "./boite-a-outils.saisir-le-gtp.tsx";
import * as gtpQueue from "./gouvernance._index.tsx";
import * as gtpPage from "./gouvernance.interpellations.$id.tsx";
import * as publicPage from "./interpellations.$id.tsx";

type Mod = { loader: (args: never) => unknown; action?: (args: never) => unknown };
const get = (mod: Mod, path: string, params: Record<string, string>, cookie = "") => settle(Promise.resolve(mod.loader(loaderArgs(getRequest(path, { cookie }), params) as never)));
const post = (mod: Mod, path: string, params: Record<string, string>, form: Record<string, string>, cookie: string) => settle(Promise.resolve(mod.action!(actionArgs(postRequest(path, form, { cookie }), params) as never)));

const QUESTION = { kind: "question", title: "Quand l'éclairage revient-il ?", body: "Depuis trois mois la rue Voltaire est dans le noir le soir.", ambitionNumber: "", quartierCode: "QP062024" };
const ANSWER = "La ville remplace les lampadaires la semaine du 12 : l'éclairage revient avant la fin du mois.";
const DAY = 24 * 3600_000;

describe("/conseils-citoyens/:code/interpeller", () => {
  test("a member sends the council's question and lands on its public page; bad input answers 400 with what was typed", async () => {
    const member = await councilMember(db);
    const cookie = await sessionCookieFor(member.id);
    const page = await (await get(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, cookie)).json();
    expect(page.council).toMatchObject({ code: "QP062024", name: "Conseil citoyen Cité 12-14", quartiers: [{ code: "QP062024", name: "Cité 12-14" }] });

    const bad = await post(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, { ...QUESTION, title: "Oui", quartierCode: "QP062028" }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: { title: "interpellations:validation.titleTooShort" }, values: { title: "Oui", body: QUESTION.body } });
    const outside = await post(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, { ...QUESTION, quartierCode: "QP062028" }, cookie);
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ errors: { quartierCode: "interpellations:validation.quartierNotCouncil" }, values: { title: QUESTION.title } });

    const sent = await post(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, QUESTION, cookie);
    expect(sent.status).toBe(302);
    const [row] = await db.select().from(interpellations);
    expect(sent.headers.get("Location")).toBe(`/interpellations/${row!.id}`);
    expect(row).toMatchObject({ councilCode: "QP062024", authorId: member.id, title: QUESTION.title });
  });

  test("403 for a resident and another council's member, 404 for a malformed or unknown code, sign-in for visitors", async () => {
    const resident = await sessionCookieFor((await person("Habitante")).id);
    const other = await sessionCookieFor((await councilMember(db, "QP062028")).id);
    const coordinator = await sessionCookieFor((await person("Coordinatrice", "coordinator")).id);
    expect((await get(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, resident)).status).toBe(403);
    expect((await get(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, other)).status).toBe(403);
    expect((await post(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" }, QUESTION, other)).status).toBe(403);
    expect((await get(councilForm, "/conseils-citoyens/qp062024'/interpeller", { code: "qp062024'" }, coordinator)).status).toBe(404);
    expect((await get(councilForm, "/conseils-citoyens/QP999999/interpeller", { code: "QP999999" }, coordinator)).status).toBe(404);
    expect((await get(councilForm, "/conseils-citoyens/QP062024/interpeller", { code: "QP062024" })).status).toBe(302);
  });
});

describe("/boite-a-outils/saisir-le-gtp", () => {
  test("a network member sends a question for their organisation, or a proposal that reaches the GTP at once; 400 keeps values; 403 for residents", async () => {
    const sender = await person("Membre du réseau", "network_member");
    const cookie = await sessionCookieFor(sender.id);
    const path = "/boite-a-outils/saisir-le-gtp";
    expect(await (await get(toolbox, `${path}?objet=question`, {}, cookie)).json()).toMatchObject({ subject: "interpellation" });
    expect(await (await get(toolbox, `${path}?objet=n'importe`, {}, cookie)).json()).toMatchObject({ subject: null });

    const missing = await post(toolbox, path, {}, { intent: "interpellation", ...QUESTION, organisation: "" }, cookie);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ intent: "interpellation", errors: { organisation: "validation.required" }, values: { title: QUESTION.title } });
    const sent = await post(toolbox, path, {}, { intent: "interpellation", ...QUESTION, organisation: "Centre social Dumas" }, cookie);
    expect(sent.status).toBe(302);
    const [row] = await db.select().from(interpellations);
    expect(row).toMatchObject({ source: "actor_network", organisation: "Centre social Dumas", councilCode: null });

    const proposal = { intent: "proposal", title: "Un local pour les associations", body: "Les associations se réunissent dans les halls : un local partagé les aiderait beaucoup.", ambitionNumber: "3", quartierCode: "QP062024", communeSlug: "lens", organisation: "Centre social Dumas" };
    const short = await post(toolbox, path, {}, { ...proposal, body: "Court." }, cookie);
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ intent: "proposal", errors: { body: "proposals:validation.bodyTooShort" }, values: { title: proposal.title } });
    const referred = await post(toolbox, path, {}, proposal, cookie);
    expect(referred.status).toBe(302);
    const [created] = await db.select().from(proposals).where(eq(proposals.origin, "actor_network"));
    expect(referred.headers.get("Location")).toBe(`/propositions/${created!.id}`);
    expect(created).toMatchObject({ status: "qualified", authorId: sender.id });

    expect((await post(toolbox, path, {}, { intent: "autre" }, cookie)).status).toBe(400);
    const resident = await sessionCookieFor((await person("Habitante")).id);
    expect((await get(toolbox, path, {}, resident)).status).toBe(403);
    expect((await post(toolbox, path, {}, proposal, resident)).status).toBe(403);
  });
});

describe("/interpellations/:id", () => {
  test("public: who asked (never a person), the question, days waiting; then the answer and its date; hidden and malformed are 404", async () => {
    const author = await councilMember(db, "QP062024", "Awa Diallo");
    const waiting = await insertInterpellation(db, { authorId: author.id, createdAt: new Date(Date.now() - 5 * DAY) });
    const data = await (await get(publicPage, `/interpellations/${waiting.id}`, { id: waiting.id })).json();
    expect(data.interpellation).toMatchObject({ askedBy: "Conseil citoyen Cité 12-14", daysWaiting: 5, answer: null, overdue: false });
    expect(JSON.stringify(data)).not.toContain("Awa Diallo");
    expect(JSON.stringify(data)).not.toContain(author.email);

    const network = await insertInterpellation(db, { authorId: author.id, source: "actor_network", organisation: "Centre social Dumas", answer: ANSWER });
    const answered = await (await get(publicPage, `/interpellations/${network.id}`, { id: network.id })).json();
    expect(answered.interpellation).toMatchObject({ askedBy: "Un membre du réseau des acteurs (Centre social Dumas)", answer: ANSWER, daysWaiting: null });
    expect(answered.interpellation.answered).toEqual(expect.any(String));

    const hidden = await insertInterpellation(db, { authorId: null, hidden: true });
    expect((await get(publicPage, `/interpellations/${hidden.id}`, { id: hidden.id })).status).toBe(404);
    const coordinator = await sessionCookieFor((await person("Coordinatrice", "coordinator")).id);
    expect((await get(publicPage, `/interpellations/${hidden.id}`, { id: hidden.id }, coordinator)).status).toBe(200);
    expect((await get(publicPage, "/interpellations/pas-un-id", { id: "pas-un-id" })).status).toBe(404);
  });
});

describe("the GTP: queue and answer", () => {
  test("the queue lists waiting interpellations oldest first with days and overdue flag; the coordinator answers once, then is told it is answered", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const cookie = await sessionCookieFor(coordinator.id);
    const late = await insertInterpellation(db, { authorId: null, createdAt: new Date(Date.now() - 130 * DAY) });
    const recent = await insertInterpellation(db, { authorId: null, source: "actor_network", organisation: "Centre social Dumas", createdAt: new Date(Date.now() - 3 * DAY) });
    const queue = await (await get(gtpQueue, "/gouvernance", {}, cookie)).json();
    expect(queue.interpellations.items.map((i: { id: string }) => i.id)).toEqual([late.id, recent.id]);
    expect(queue.interpellations.items[0]).toMatchObject({ daysWaiting: 130, overdue: true, askedBy: "Conseil citoyen Cité 12-14" });
    expect(queue.interpellations.items[1]).toMatchObject({ daysWaiting: 3, overdue: false, askedBy: "Un membre du réseau des acteurs (Centre social Dumas)" });
    expect(queue.interpellations).toMatchObject({ total: 2, overdue: 1 });

    const path = `/gouvernance/interpellations/${late.id}`;
    expect(await (await get(gtpPage, path, { id: late.id }, cookie)).json()).toMatchObject({ interpellation: { answer: null, overdue: true } });
    const short = await post(gtpPage, path, { id: late.id }, { answer: "Bientôt." }, cookie);
    expect(short.status).toBe(400);
    expect(await short.json()).toEqual({ errors: { answer: "interpellations:validation.answerTooShort" }, values: { answer: "Bientôt." } });
    expect((await post(gtpPage, path, { id: late.id }, { answer: ANSWER }, cookie)).status).toBe(302);
    const stale = await post(gtpPage, path, { id: late.id }, { answer: `${ANSWER} Encore.` }, cookie);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ errors: { form: "interpellations:errors.alreadyAnswered" }, values: { answer: `${ANSWER} Encore.` } });
    // Once answered, that is what is said, even to a form that would not pass (too short here).
    const staleShort = await post(gtpPage, path, { id: late.id }, { answer: "Bientôt." }, cookie);
    expect(staleShort.status).toBe(409);
    expect(await staleShort.json()).toEqual({ errors: { form: "interpellations:errors.alreadyAnswered" }, values: { answer: "Bientôt." } });
    const after = await (await get(gtpQueue, "/gouvernance", {}, cookie)).json();
    expect(after.interpellations.items.map((i: { id: string }) => i.id)).toEqual([recent.id]);
  });

  test("403 for residents and council members, 404 for malformed, unknown or hidden ids", async () => {
    const member = await sessionCookieFor((await councilMember(db)).id);
    const coordinator = await sessionCookieFor((await person("Coordinatrice", "coordinator")).id);
    const asked = await insertInterpellation(db, { authorId: null });
    expect((await get(gtpPage, `/gouvernance/interpellations/${asked.id}`, { id: asked.id }, member)).status).toBe(403);
    expect((await post(gtpPage, `/gouvernance/interpellations/${asked.id}`, { id: asked.id }, { answer: ANSWER }, member)).status).toBe(403);
    expect((await get(gtpPage, "/gouvernance/interpellations/x", { id: "x" }, coordinator)).status).toBe(404);
    expect((await get(gtpPage, "/gouvernance/interpellations/00000000-0000-4000-8000-000000000000", { id: "00000000-0000-4000-8000-000000000000" }, coordinator)).status).toBe(404);
    const hidden = await insertInterpellation(db, { authorId: null, hidden: true });
    expect((await post(gtpPage, `/gouvernance/interpellations/${hidden.id}`, { id: hidden.id }, { answer: ANSWER }, coordinator)).status).toBe(404);
  });
});
