/**
 * /admin/journal rendered as the server renders it, from its loader's real data (the router hooks are
 * stood in for): labels, not the raw names the code writes (issue 14).
 */
import type * as RemixReact from "@remix-run/react";
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";

const hooks = vi.hoisted(() => ({ loaderData: undefined as unknown }));
vi.mock("@remix-run/react", async (original) => {
  const actual = await original<typeof RemixReact>();
  return {
    ...actual,
    useLoaderData: () => hooks.loaderData,
    Link: ({ to, children }: { to: string; children: ReactNode }) => <a href={to}>{children}</a>,
    Form: ({ children }: { children: ReactNode }) => <form>{children}</form>,
  };
});

const journal = await import("./admin.journal.tsx");

async function render(lng: "fr" | "en") {
  const admin = await insertUser(db, { roles: [{ role: "administrator" }] });
  const response = await settle(journal.loader(loaderArgs(getRequest("/admin/journal", { cookie: await sessionCookieFor(admin.id) }))));
  hooks.loaderData = await response.json();
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, ns: Object.keys(resources.fr!), resources });
  const Page = journal.default;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <Page />
    </I18nextProvider>,
  )
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");
}

test("actions, subject types and hiding reasons read as words, in French and in English; an unknown name as itself", async () => {
  const sessionId = "5b0c1c7e-2f0a-4c55-9a43-0d9d2f6f8e11";
  await recordAudit(db, { actorId: null, action: "labo.publish_minutes", subjectType: "labo_session", subjectId: sessionId });
  await recordAudit(db, { actorId: null, action: "moderation.hide", subjectType: "contribution", subjectId: "c1", reason: "Insultes répétées", changes: { hideReason: { before: null, after: "harassment" } } });
  await recordAudit(db, { actorId: null, action: "labo.carry_idea", subjectType: "proposal", subjectId: "p1", reason: `labo_session:${sessionId}` });
  await recordAudit(db, { actorId: null, action: "future.thing", subjectType: "future_subject", subjectId: "f1" });

  const fr = await render("fr");
  expect(fr).toContain("Compte rendu publié : Rendez-vous du Labo");
  expect(fr).toContain("Masquage : Contribution");
  expect(fr).toContain("Insulte ou harcèlement");
  expect(fr).toContain("Motif : Insultes répétées");
  expect(fr).toContain(`Idée notée au rendez-vous du Labo ${sessionId}`);
  expect(fr).toContain("future.thing : future_subject");
  for (const raw of ["labo.publish_minutes", "labo_session ", "harassment", "labo.carry_idea", `labo_session:${sessionId}`]) expect(fr).not.toContain(raw);

  const en = await render("en");
  expect(en).toContain("Minutes published");
  expect(en).toContain("Insult or harassment");
  expect(en).not.toMatch(/(?<!or )harassment/);
});
