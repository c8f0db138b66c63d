/**
 * Every id in a path and every text parameter is checked before it reaches the database: a malformed
 * one is a 4xx, never PostgreSQL's « invalid input syntax for type uuid » or « invalid byte sequence for
 * encoding UTF8 » as a 500 (issue 14). Each route is called as someone who may use it (an administrator
 * who also moderates and coordinates, and runs the Labo session below), with ids and words a prober sends.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { unsubscribePath } from "#tests/factories/notification-emails.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as adminOutbox from "#app/routes/admin.courriels.tsx";
import * as adminJournal from "#app/routes/admin.journal.tsx";
import * as adminReferentialItem from "#app/routes/admin.referentiel.$kind.$key.tsx";
import * as adminUser from "#app/routes/admin.utilisateurs.$id.tsx";
import * as adminUsers from "#app/routes/admin.utilisateurs._index.tsx";
import * as contribution from "#app/routes/contributions.$id.ts";
import * as mailboxMessage from "#app/routes/dev.boite-mail.$id.tsx";
import * as mailbox from "#app/routes/dev.boite-mail._index.tsx";
import * as notificationSettings from "#app/routes/compte.notifications.tsx";
import * as unsubscribeLink from "#app/routes/notifications.desabonnement.tsx";
import * as notificationsPage from "#app/routes/notifications._index.tsx";
import * as laboSession from "#app/routes/labo.$id.tsx";
import * as laboMinutes from "#app/routes/labo.$id_.compte-rendu.tsx";
import * as laboConsole from "#app/routes/labo.$id_.console.tsx";
import * as laboConsoleCaptures from "#app/routes/labo.$id_.console_.contributions.ts";
import * as laboIdea from "#app/routes/labo.$id_.console_.idees.$captureId.tsx";
import * as laboRegistration from "#app/routes/labo.$id_.inscription.tsx";
import * as laboInvitation from "#app/routes/labo.$id_.invitation.tsx";
import * as laboEdit from "#app/routes/labo.$id_.modifier.tsx";
import * as laboAgenda from "#app/routes/labo._index.tsx";
import * as laboCancel from "#app/routes/labo.inscription.$token.tsx";
import * as moderationCase from "#app/routes/moderation.$caseId.tsx";
import * as moderationQueue from "#app/routes/moderation._index.tsx";
import * as contest from "#app/routes/moderation.contestation.$caseId.tsx";
import * as proposal from "#app/routes/propositions.$id.tsx";
import * as proposalContributions from "#app/routes/propositions.$id.contributions.ts";
import * as support from "#app/routes/propositions.$id.soutien.ts";
import * as follow from "#app/routes/propositions.$id.suivi.ts";
import * as proposalEdit from "#app/routes/propositions.$id_.modifier.tsx";
import * as proposals from "#app/routes/propositions._index.tsx";
import * as reports from "#app/routes/signalements.tsx";
import * as governanceQueue from "#app/routes/gouvernance._index.tsx";
import * as governanceBodyMembers from "#app/routes/gouvernance.instances.$body.tsx";
import * as instruction from "#app/routes/gouvernance.propositions.$id.tsx";
import * as followup from "#app/routes/gouvernance.propositions.$id_.realisation.tsx";
import * as meetingAgenda from "#app/routes/gouvernance.reunions.$meetingId.tsx";
import * as meetingEdit from "#app/routes/gouvernance.reunions.$meetingId_.modifier.tsx";
import * as instanceBody from "#app/routes/instances.$body.tsx";
import * as instanceMeeting from "#app/routes/instances.$body_.$meetingId.tsx";

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

const BAD_IDS = ["not-a-uuid", "\u0000", "1' or '1'='1", "x".repeat(5000), "00000000-0000-0000-0000-00000000000g"];
const BAD_WORDS = ["%00", "a%00b", "%C0%AF", "%ED%A0%80", "%EF%BF%BD", "x".repeat(3000)];

let cookie = "";
let sessionId = "";
beforeEach(async () => {
  const admin = await insertUser(db, { roles: [{ role: "administrator" }, { role: "moderator" }, { role: "coordinator" }] });
  cookie = await sessionCookieFor(admin.id);
  sessionId = (await insertLaboSession(db)).session.id;
});

async function status(promise: unknown) {
  return (await settle(Promise.resolve(promise))).status;
}

/** The status of a GET through the loader and of a form post through the action, for a path and its params. */
async function probe(route: { loader?: Loader; action?: Action }, path: string, params: Record<string, string>) {
  const statuses: number[] = [];
  if (route.loader) statuses.push(await status(route.loader(loaderArgs(getRequest(path, { cookie }), params))));
  if (route.action) statuses.push(await status(route.action(actionArgs(postRequest(path, { intent: "support", text: "Un texte assez long pour passer.", reason: "spam" }, { cookie }), params))));
  return statuses;
}

describe("a malformed id in the path is a 404, before any query", () => {
  const routes: [string, { loader?: Loader; action?: Action }, (id: string) => [string, Record<string, string>]][] = [
    ["/moderation/:caseId", moderationCase, (id) => [`/moderation/x`, { caseId: id }]],
    ["/moderation/contestation/:caseId", contest, (id) => [`/moderation/contestation/x`, { caseId: id }]],
    ["/propositions/:id", proposal, (id) => [`/propositions/x`, { id }]],
    ["/propositions/:id/modifier", proposalEdit, (id) => [`/propositions/x/modifier`, { id }]],
    ["/propositions/:id/soutien", support, (id) => [`/propositions/x/soutien`, { id }]],
    ["/propositions/:id/suivi", follow, (id) => [`/propositions/x/suivi`, { id }]],
    ["/propositions/:id/contributions", proposalContributions, (id) => [`/propositions/x/contributions`, { id }]],
    ["/contributions/:id", contribution, (id) => [`/contributions/x`, { id }]],
    ["/labo/:id", laboSession, (id) => [`/labo/x`, { id }]],
    ["/labo/:id/inscription", laboRegistration, (id) => [`/labo/x/inscription`, { id }]],
    ["/labo/:id/modifier", laboEdit, (id) => [`/labo/x/modifier`, { id }]],
    ["/labo/:id/compte-rendu", laboMinutes, (id) => [`/labo/x/compte-rendu`, { id }]],
    ["/labo/:id/console", laboConsole, (id) => [`/labo/x/console`, { id }]],
    ["/labo/:id/console/contributions", laboConsoleCaptures, (id) => [`/labo/x/console/contributions`, { id }]],
    ["/labo/:id/invitation", laboInvitation, (id) => [`/labo/x/invitation`, { id }]],
    ["/labo/:id/console/idees/:captureId (session)", laboIdea, (id) => [`/labo/x/console/idees/y`, { id, captureId: id }]],
    ["/labo/inscription/:token", laboCancel, (id) => [`/labo/inscription/x`, { token: id }]],
    ["/admin/utilisateurs/:id", adminUser, (id) => [`/admin/utilisateurs/x`, { id }]],
    ["/admin/referentiel/:kind/:key", adminReferentialItem, (id) => [`/admin/referentiel/quartiers/x`, { kind: "quartiers", key: id }]],
    ["/dev/boite-mail/:id", mailboxMessage, (id) => [`/dev/boite-mail/x`, { id }]],
    ["/gouvernance/propositions/:id", instruction, (id) => [`/gouvernance/propositions/x`, { id }]],
    ["/gouvernance/propositions/:id/realisation", followup, (id) => [`/gouvernance/propositions/x/realisation`, { id }]],
    ["/gouvernance/reunions/:meetingId", meetingAgenda, (id) => [`/gouvernance/reunions/x`, { meetingId: id }]],
    ["/gouvernance/reunions/:meetingId/modifier", meetingEdit, (id) => [`/gouvernance/reunions/x/modifier`, { meetingId: id }]],
    ["/gouvernance/instances/:body", governanceBodyMembers, (id) => [`/gouvernance/instances/x`, { body: id }]],
    ["/instances/:body", instanceBody, (id) => [`/instances/x`, { body: id }]],
    ["/instances/:body/:meetingId", instanceMeeting, (id) => [`/instances/copil/x`, { body: "copil", meetingId: id }]],
  ];
  test.each(routes)("%s", async (_name, route, paramsFor) => {
    for (const id of BAD_IDS) {
      const [path, params] = paramsFor(id);
      for (const code of await probe(route, path, params)) expect(code, JSON.stringify(id).slice(0, 40)).toBe(404);
    }
  });

  test("the capture id of a Labo idea, in a session that exists", async () => {
    for (const id of BAD_IDS) {
      for (const code of await probe(laboIdea, `/labo/${sessionId}/console/idees/x`, { id: sessionId, captureId: id })) expect(code).toBe(404);
    }
  });
});

describe("a search word with a NUL or invalid UTF-8 is read, never a 500", () => {
  const pages: [string, { loader?: Loader }, string][] = [
    ["the Labo console's search", laboConsole, "/labo/:session/console?q="],
    ["the administrator's user search", adminUsers, "/admin/utilisateurs?q="],
    ["the mailbox's recipient filter", mailbox, "/dev/boite-mail?destinataire="],
    ["the proposals search", proposals, "/propositions?q="],
    ["the audit log's filter", adminJournal, "/admin/journal?type="],
    ["the audit log's page marker", adminJournal, "/admin/journal?avant="],
    ["the moderation queue's filters", moderationQueue, "/moderation?quartier=QP%00&motif=%00&apres="],
    ["the Labo agenda's filters", laboAgenda, "/labo?commune=%00&ambition="],
    ["the report page", reports, "/signalements?type=proposal&id="],
    ["the GTP queue's filters", governanceQueue, "/gouvernance?quartier=QP%00&commune=%00&origine=%00&attente=1e999&ambition="],
    ["the GTP queue's page marker", governanceQueue, "/gouvernance?apres="],
    ["a body's meetings, page", instanceBody, "/instances/copil?page="],
    ["the notifications' page marker", notificationsPage, "/notifications?avant="],
    ["the failed emails' page number", adminOutbox, "/admin/courriels?page="],
  ];
  test.each(pages)("%s", async (_name, route, template) => {
    for (const word of BAD_WORDS) {
      const path = template.replace(":session", sessionId) + word;
      const code = await status(route.loader!(loaderArgs(getRequest(path, { cookie }), { id: sessionId, body: "copil" })));
      expect(code, `${path.slice(0, 80)}`).toBeLessThan(500);
    }
  });
});

test("the two reported posts: a moderator's decision and a resident's contest on a malformed case id are a 404", async () => {
  const decide = postRequest("/moderation/not-a-uuid", { intent: "dismiss", note: "Rien à redire." }, { cookie });
  expect(await status(moderationCase.action(actionArgs(decide, { caseId: "not-a-uuid" })))).toBe(404);
  const resident = await sessionCookieFor((await insertUser(db)).id);
  const contestPost = postRequest("/moderation/contestation/not-a-uuid", { text: "Mon message respectait la charte, je le maintiens." }, { cookie: resident });
  expect(await status(contest.action(actionArgs(contestPost, { caseId: "not-a-uuid" })))).toBe(404);
});

test("the outbox page's « Renvoyer » with a malformed message id is a 400, before any query", async () => {
  for (const id of BAD_IDS) {
    const post = postRequest("/admin/courriels", { intent: "retry", id }, { cookie });
    expect(await status(adminOutbox.action(actionArgs(post))), JSON.stringify(id).slice(0, 40)).toBe(400);
  }
});

test("the notifications page's « Marquer comme lu » and « open » with a malformed notice id are a 400, before any query", async () => {
  for (const intent of ["read-one", "open"]) {
    for (const id of BAD_IDS) {
      const post = postRequest("/notifications", { intent, id }, { cookie });
      expect(await status(notificationsPage.action(actionArgs(post))), JSON.stringify(id).slice(0, 40)).toBe(400);
    }
  }
  const readAll = postRequest("/notifications", { intent: "read-all", until: "%00" }, { cookie });
  expect(await status(notificationsPage.action(actionArgs(readAll)))).toBe(400);
});

test("the unsubscribe link with a malformed or foreign parameter is a 400, shown or posted, before any query", async () => {
  const valid = new URLSearchParams(unsubscribePath(crypto.randomUUID(), "own_proposal").split("?")[1]);
  for (const word of [...BAD_WORDS, ...BAD_IDS.map(encodeURIComponent)]) {
    for (const param of ["u", "c", "s"]) {
      const query = ["u", "c", "s"].map((key) => `${key}=${key === param ? word : encodeURIComponent(valid.get(key)!)}`).join("&");
      const path = `/notifications/desabonnement?${query}`;
      expect(await status(unsubscribeLink.loader(loaderArgs(getRequest(path)))), path.slice(0, 80)).toBe(400);
      expect(await status(unsubscribeLink.action(actionArgs(postRequest(path, { "List-Unsubscribe": "One-Click" })))), path.slice(0, 80)).toBe(400);
    }
  }
});

test("the notification rhythms form with a malformed value is a 400, never a 500", async () => {
  for (const word of ["a\u0000b", "\uFFFD", "\uD800", "x".repeat(3000), ...BAD_IDS]) {
    const post = postRequest("/compte/notifications", { own_proposal: word, council: "weekly" }, { cookie });
    expect(await status(notificationSettings.action(actionArgs(post))), JSON.stringify(word).slice(0, 40)).toBe(400);
  }
});
