/**
 * The pages of this part rendered as the server renders them, from their loaders' real data: the router
 * hooks are stood in for (no router runs in a unit test), everything else is the real markup.
 */
import { eq } from "drizzle-orm";
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { agendaItems, decisionCorrections, governanceMeetings, proposals } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";

const hooks = vi.hoisted(() => ({ loaderData: undefined as unknown, actionData: undefined as unknown }));
vi.mock("@remix-run/react", async (original) => {
  const actual = await original<Record<string, unknown>>();
  return {
    ...actual,
    useLoaderData: () => hooks.loaderData,
    useActionData: () => hooks.actionData,
    useSubmit: () => () => {},
    useMatches: () => [],
    Link: ({ to, children, ...props }: { to: string; children: ReactNode }) => (
      <a href={to} {...props}>
        {children}
      </a>
    ),
    Form: ({ children, method }: { children: ReactNode; method?: string }) => <form method={method}>{children}</form>,
  };
});

// The suite shares modules between files (isolate: false): another file may have loaded these pages with
// the real router hooks already. Loaded afresh, they (and the link context they use) take the stand-ins.
vi.resetModules();
const { PageHydratesProvider } = await import("#app/components/app-link.tsx");
const overview = await import("./instances._index.tsx");
const bodyPage = await import("./instances.$body.tsx");
const meetingPage = await import("./instances.$body_.$meetingId.tsx");
const newMeeting = await import("./gouvernance.reunions.nouvelle.tsx");
const editMeeting = await import("./gouvernance.reunions.$meetingId_.modifier.tsx");
const members = await import("./gouvernance.instances.$body.tsx");
const home = await import("./_index.tsx");
const ambitionPage = await import("./ambitions.$numero.tsx");
const quartierPage = await import("./quartiers.$code.tsx");

type Mod = { default: () => ReactNode; loader: (args: never) => unknown; handle?: { i18n?: string[]; hydrate?: boolean } };

async function render(mod: Mod, path: string, params: Record<string, string> = {}, cookie?: string) {
  const response = await settle(mod.loader(loaderArgs(getRequest(path, { cookie }), params) as never) as Promise<unknown>);
  expect(response.status, path).toBe(200);
  hooks.loaderData = await response.json();
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng: "fr", ns: Object.keys(resources.fr!), resources });
  const Page = mod.default;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <PageHydratesProvider value={mod.handle?.hydrate !== false}>
        <Page />
      </PageHydratesProvider>
    </I18nextProvider>,
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
const DAY = 24 * 3600_000;

beforeEach(() => {
  hooks.actionData = undefined;
});

describe("rendered pages", () => {
  test("/instances: the loop, the counters, each body with members and meetings; the coordinator's links only for coordinators", async () => {
    const author = await insertUser(db, { password: null });
    const waiting = await insertProposal(db, { authorId: author.id, title: "Un éclairage sur le chemin de l'école", status: "qualified" });
    await db.update(proposals).set({ qualifiedAt: new Date(Date.now() - 130 * DAY) }).where(eq(proposals.id, waiting.id));
    await db.insert(governanceMeetings).values({ bodyKey: "copil", title: "COPIL d'automne", startsAt: new Date(Date.now() + 40 * DAY), place: "Liévin" });
    const html = await render(overview, "/instances");
    const words = text(html);
    expect(words).toContain("Le chemin de votre proposition");
    expect(words).toContain("Droit de suite");
    expect(words).toContain("1 proposition transmise aux instances 0 a reçu une réponse publique 1 attend encore une réponse 1 attend depuis plus de 120 jours (en retard)");
    expect(html).toContain(`href="/propositions/${waiting.id}"`);
    expect(words).toContain("130 jours d'attente");
    expect(words).toContain("COPIL d'automne");
    expect(words).toContain("Prévue");
    expect(html).not.toContain("/gouvernance/");
    const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    const asCoordinator = await render(overview, "/instances", {}, await sessionCookieFor(coordinator.id));
    expect(asCoordinator).toContain('href="/gouvernance/reunions/nouvelle"');
    expect(asCoordinator).toContain('href="/gouvernance/instances/copil"');
  });

  test("the home page, an ambition and a quartier show the counters of their scope", async () => {
    const author = await insertUser(db, { password: null });
    const waiting = await insertProposal(db, { authorId: author.id, title: "Un banc devant la médiathèque", ambitionNumber: 8, quartierCode: "QP062024", status: "qualified" });
    expect(text(await render(home, "/"))).toContain("Droit de suite : les réponses aux propositions");
    const ambition = await render(ambitionPage, "/ambitions/8", { numero: "8" });
    expect(text(ambition)).toContain("1 proposition transmise aux instances");
    expect(ambition).toContain(`href="/propositions/${waiting.id}"`);
    expect(text(await render(ambitionPage, "/ambitions/3", { numero: "3" }))).toContain("0 proposition transmise aux instances");
    expect(text(await render(quartierPage, "/quartiers/QP062024", { code: "QP062024" }))).toContain("1 attend encore une réponse");
    expect(text(await render(quartierPage, "/quartiers/QP062028", { code: "QP062028" }))).toContain("Aucune proposition n'attend de réponse.");
  });

  test("/instances/:body and a published meeting: decision in words, reasons, a dated correction, a hidden proposal masked", async () => {
    const author = await insertUser(db, { password: null });
    const hidden = await insertProposal(db, { authorId: author.id, title: "Titre masqué par la modération" });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    const visible = await insertProposal(db, { authorId: author.id, title: "Des jeux pour enfants au parc" });
    const [meeting] = await db
      .insert(governanceMeetings)
      .values({ bodyKey: "copil", title: "COPIL de printemps", startsAt: new Date("2027-03-10T13:30:00Z"), place: "Liévin", status: "published", publishedAt: new Date("2027-03-20T09:00:00Z") })
      .returning();
    const [item] = await db
      .insert(agendaItems)
      .values([
        { meetingId: meeting!.id, position: 0, kind: "proposal", proposalId: visible.id, title: visible.title, decision: "partly_retained", publicReasons: "Une aire de jeux sur deux sera faite." },
        { meetingId: meeting!.id, position: 1, kind: "proposal", proposalId: hidden.id, title: hidden.title, decision: "not_retained", publicReasons: "Refusée" },
      ])
      .returning();
    await db.insert(decisionCorrections).values({ agendaItemId: item!.id, text: "L'aire de jeux sera faite au printemps.", createdAt: new Date("2027-04-02T10:00:00Z") });

    const body = text(await render(bodyPage, "/instances/copil", { body: "copil" }));
    expect(body).toContain("COPIL de printemps");
    expect(body).toContain("Relevé publié");

    const html = await render(meetingPage, `/instances/copil/${meeting!.id}`, { body: "copil", meetingId: meeting!.id });
    const words = text(html);
    expect(words).toContain("10 mars 2027 à 14:30");
    expect(words).toContain("Relevé de décisions");
    expect(words).toContain("Décision : Retenue en partie");
    expect(words).toContain("Une aire de jeux sur deux sera faite.");
    expect(words).toContain("Correction du 2 avril 2027 : L'aire de jeux sera faite au printemps.");
    expect(words).toContain("Proposition masquée");
    expect(words).toContain("Non retenue");
    expect(html).not.toContain("Titre masqué");
    expect(html).toContain(`href="/propositions/${visible.id}"`);
    expect(html).not.toContain(`href="/propositions/${hidden.id}"`);
  });

  test("the coordinators' pages render their forms", async () => {
    const coordinator = await sessionCookieFor((await insertUser(db, { password: null, roles: [{ role: "coordinator" }] })).id);
    const created = await render(newMeeting, "/gouvernance/reunions/nouvelle?instance=gtp", {}, coordinator);
    expect(created).toContain('name="bodyKey"');
    expect(created).toContain('name="startTime"');
    const [meeting] = await db.insert(governanceMeetings).values({ bodyKey: "gtp", title: "GTP à venir", startsAt: new Date(Date.now() + 3 * DAY) }).returning();
    const edit = text(await render(editMeeting, `/gouvernance/reunions/${meeting!.id}/modifier`, { meetingId: meeting!.id }, coordinator));
    expect(edit).toContain("Vous pourrez la marquer comme tenue une fois son heure de début passée");
    const list = await render(members, "/gouvernance/instances/gtp", { body: "gtp" }, coordinator);
    expect(list).toContain('name="institution"');
  });
});
