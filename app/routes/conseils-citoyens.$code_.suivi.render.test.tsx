/**
 * The board and its A4 sheet rendered as the server renders them, from their loaders' real data: the
 * router hooks are stood in for (no router runs in a unit test), everything else is the real markup.
 */
import { createInstance } from "i18next";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, test, vi } from "vitest";
import { db } from "#app/db.server.ts";
import { formatDate } from "#app/modules/governance/followup-view.ts";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { answeredDirectly, boardCoordinator, councilInterpellation, councilProposal, hideProposal } from "#tests/factories/council-board.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";

const hooks = vi.hoisted(() => ({ loaderData: undefined as unknown }));
vi.mock("@remix-run/react", async (original) => {
  const actual = await original<Record<string, unknown>>();
  return {
    ...actual,
    useLoaderData: () => hooks.loaderData,
    useMatches: () => [],
    Link: ({ to, children, ...props }: { to: string; children: ReactNode }) => (
      <a href={to} {...props}>
        {children}
      </a>
    ),
  };
});

// The suite shares modules between files (isolate: false): loaded afresh, these pages take the stand-ins.
vi.resetModules();
const { PageHydratesProvider } = await import("#app/components/app-link.tsx");
const boardPage = await import("./conseils-citoyens.$code_.suivi.tsx");
const printPage = await import("./conseils-citoyens.$code_.suivi_.impression.tsx");

type Mod = { default: () => ReactNode; loader: (args: never) => unknown; handle?: { hydrate?: boolean } };
const CODE = "QP062024";

async function render(mod: Mod, path: string, cookie: string) {
  const response = await settle(mod.loader(loaderArgs(getRequest(path, { cookie }), { code: CODE }) as never) as Promise<unknown>);
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

async function seedBoard() {
  const gtp = await boardCoordinator();
  const member = await insertUser(db, { password: null, roles: [{ role: "council_member", quartierCode: CODE }] });
  const long = `Les bacs sont installés depuis mars. ${"Le tri se fait chaque semaine dans tout le quartier. ".repeat(8)}Dernière phrase de la réponse.`;
  const answered = await councilProposal(CODE, "carried", { title: "Des bacs de tri", daysAgo: 20 });
  await answeredDirectly(gtp, answered.id, long);
  await councilProposal(CODE, "carried", { title: "Un passage piéton", daysAgo: 130 });
  await councilInterpellation({ councilCode: CODE, title: "Les horaires du city stade", daysAgo: 3 });
  const hidden = await councilProposal(CODE, "carried", { title: "Proposition masquée" });
  await hideProposal(hidden.id);
  return { cookie: await sessionCookieFor(member.id), answered, long };
}

describe("the tracking board, rendered", () => {
  test("the page: counts, a GET form, a captioned table with column scopes, sortable headers with aria-sort, answers cut short, links to print and download", async () => {
    const { cookie, answered, long } = await seedBoard();
    const html = await render(boardPage as Mod, `/conseils-citoyens/${CODE}/suivi?etat=nimporte`, cookie);
    const words = text(html);
    expect(words).toContain("Tableau de suivi — Conseil citoyen");
    expect(words).toContain("3 sujets · 1 en retard · 1 réponse reçue");
    expect(html).toMatch(/<form method="get" action="\/conseils-citoyens\/QP062024\/suivi"[^>]*>/);
    expect(html).toContain('<button type="submit"');
    expect(html).toContain('<caption id="board-caption-screen">Sujets du conseil, triés par Temps d&#x27;attente (ordre décroissant)</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html).toMatch(/<th scope="col" aria-sort="descending"><a href="\/conseils-citoyens\/QP062024\/suivi\?ordre=asc">Attente/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html).toContain('role="region" aria-labelledby="board-caption-screen" tabindex="0"');
    // Overdue in words, not colour only.
    expect(words).toContain("En retard de 10 jours");
    // The long answer is cut on screen, with a link to the whole.
    expect(words).not.toContain("Dernière phrase de la réponse.");
    expect(html).toContain(`href="/propositions/${answered.id}" class="board-read-more"`);
    expect(long.length).toBeGreaterThan(300);
    expect(html).toContain('href="/conseils-citoyens/QP062024/suivi/impression">Imprimer le tableau</a>');
    expect(html).toContain('href="/conseils-citoyens/QP062024/suivi.csv" download=""');
    expect(words).not.toContain("Proposition masquée");
    // Headings in order: h1 then h2.
    expect([...html.matchAll(/<h(\d)/g)].map((m) => m[1])).toEqual(["1", "2"]);
  });

  test("the A4 sheet: its title and date, the filters in words, every answer whole, no form and no sort links", async () => {
    const { cookie, long } = await seedBoard();
    const html = await render(printPage as Mod, `/conseils-citoyens/${CODE}/suivi/impression?type=portees&tri=titre`, cookie);
    const words = text(html);
    expect(words).toContain("Tableau de suivi — Conseil citoyen");
    expect(words).toContain(`au ${formatDate(new Date(), "fr")}`);
    expect(words).toContain("Sujets : Propositions portées");
    expect(words).toContain("Réponse : Tous");
    expect(words).toContain("Tri : Titre, ordre croissant");
    expect(words).toContain(text(long).trim());
    expect(words).not.toContain("Les horaires du city stade");
    expect(words).not.toContain("Proposition masquée");
    expect(html).not.toContain("<form");
    expect(html).not.toContain("aria-sort");
    expect(html).toContain('href="/conseils-citoyens/QP062024/suivi?tri=titre&amp;type=portees"');
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html).toContain("<caption");
  });
});
