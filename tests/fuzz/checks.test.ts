/** The fuzz suite's judge, judged: what it lets through and what it flags. */
import { json } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { countChanges, missingMessage } from "./checks.ts";

const page = (main: string, lang = "fr") => `<!DOCTYPE html><html lang="${lang}"><body><main id="contenu">${main}</main></body></html>`;
const html = (status: number) => new Response(null, { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
const namespacesOf = () => ["common", "laboRegistrations"];
const refusal = (data: unknown, status = 400) => [{ routeId: "routes/x", kind: "action" as const, result: json(data, { status }) }];

describe("missingMessage", () => {
  test("a page showing the refusal's message in the page's language passes; the same page in the other language does not", async () => {
    const outcomes = refusal({ errors: { form: "validation.invalidForm" } });
    const fr = page("<p role=\"alert\">Le formulaire envoyé n&#x27;a pas pu être lu. Rechargez la page et réessayez.</p>");
    expect(await missingMessage({ response: html(400), body: fr, outcomes, namespacesOf })).toBeNull();
    const withoutAlert = page("<p>Le formulaire envoyé n&#x27;a pas pu être lu. Rechargez la page et réessayez.</p>", "en");
    expect(await missingMessage({ response: html(400), body: withoutAlert, outcomes, namespacesOf })).toMatch(/no message of the refusal/);
  });

  test("a raw key on the page, an unknown key in the data, or a page with no message at all is flagged", async () => {
    const outcomes = refusal({ errors: { form: "validation.invalidForm" } });
    expect(await missingMessage({ response: html(400), body: page('<p role="alert">validation.invalidForm</p>'), outcomes, namespacesOf })).toMatch(/raw translation keys/);
    const unknown = refusal({ errors: { name: "laboRegistrations:nope.missing" } });
    expect(await missingMessage({ response: html(400), body: page('<p role="alert">?</p>'), outcomes: unknown, namespacesOf })).toMatch(/untranslated keys/);
    expect(await missingMessage({ response: html(400), body: page("<h1>Inscription</h1>"), outcomes: refusal({ values: { name: "x" } }), namespacesOf })).toMatch(/no message/);
  });

  test("an error page needs its translated title; a fetcher's data needs known keys; what was typed is never read as a key", async () => {
    const errorPage = (title: string) => page(`<section class="error-page"><h1>${title}</h1></section>`);
    expect(await missingMessage({ response: html(404), body: errorPage("Page introuvable"), outcomes: [], namespacesOf })).toBeNull();
    expect(await missingMessage({ response: html(404), body: errorPage("errors.404.title"), outcomes: [], namespacesOf })).toMatch(/lacks its title/);
    const data = (body: unknown) => ({ response: new Response(null, { status: 409, headers: { "Content-Type": "application/json" } }), body: JSON.stringify(body), outcomes: [], namespacesOf });
    expect(await missingMessage(data({ errors: { form: "validation.invalidForm" }, values: { body: "errors.fake" } }))).toBeNull();
    expect(await missingMessage(data({ error: "supports:errors.nope" }))).toMatch(/untranslated/);
  });
});

test("countChanges names each table whose count moved", () => {
  expect(countChanges(new Map([["users", 3], ["sessions", 2]]), new Map([["users", 3], ["sessions", 3]]))).toEqual(["sessions: 2 → 3"]);
});
