/**
 * Without JavaScript, a contribution or a « utile » refused as too many (429) or about nothing that exists
 * (404) answers a translated error page in the layout, in the person's language, with Retry-After for a
 * 429: the whole app in-process (Remix renders the page, which a resource route without a component would not).
 */
import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { createAppServer, type AppServer } from "#tests/fuzz/app-server.ts";
import { sessionCookieFor } from "#tests/helpers/request.ts";

let app: AppServer;
beforeAll(async () => {
  app = await createAppServer();
});

function post(path: string, form: Record<string, string>, cookie: string, language = "fr") {
  const body = new URLSearchParams(form).toString();
  const headers = { Host: "localhost:3000", Origin: "http://localhost:3000", Cookie: cookie, "Accept-Language": language, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) };
  return app.handle(new Request(`http://localhost:3000${path}`, { method: "POST", headers, body }));
}

async function expectTooManyPage(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  const html = await response.text();
  expect(html).toContain("Trop de tentatives");
  expect(html).toContain('<main id="contenu"');
}

test("a contribution posted over the limit without JavaScript: the proposal route's 429 page", async () => {
  const proposal = await insertProposal(db, { authorId: null });
  const cookie = await sessionCookieFor((await insertUser(db, { password: null })).id);
  for (let i = 0; i < RATE_LIMITS.contribution.account.points; i++) {
    expect((await post(`/propositions/${proposal.id}/contributions`, { body: `Message numéro ${i}, pour le quartier.` }, cookie)).status).toBe(302);
  }
  await expectTooManyPage(await post(`/propositions/${proposal.id}/contributions`, { body: "Encore un message." }, cookie));
});

test("« utile » over the limit without JavaScript: the site's 429 page", async () => {
  const proposal = await insertProposal(db, { authorId: null });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: (await insertUser(db, { password: null })).id });
  const cookie = await sessionCookieFor((await insertUser(db, { password: null })).id);
  for (let i = 0; i < RATE_LIMITS.useful.account.points; i++) {
    expect((await post(`/contributions/${contribution.id}`, { intent: i % 2 ? "unuseful" : "useful" }, cookie)).status).toBe(302);
  }
  await expectTooManyPage(await post(`/contributions/${contribution.id}`, { intent: "useful" }, cookie));
});

test("« utile » on a contribution that does not exist, in English: the 404 page, in English throughout", async () => {
  const cookie = await sessionCookieFor((await insertUser(db, { password: null })).id);
  const response = await post("/contributions/00000000-0000-4000-8000-000000000000", { intent: "useful" }, cookie, "en");
  expect(response.status).toBe(404);
  const html = await response.text();
  expect(html).toContain('<html lang="en"');
  expect(html).toContain("Page not found");
});
