import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { errorRedirectUrl } from "#app/modules/contributions/contribution-params.ts";
import type { ContributionItem, ContributionsSectionData, ContributionThread } from "#app/modules/contributions/contribution-types.ts";
import { ContributionsSection, type ContributionsSectionProps } from "./contributions-section.tsx";

const PROPOSAL = "11111111-1111-4111-8111-111111111111";
const A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const R = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

const i18n = createInstance();
await i18n.init({ ...i18nConfig, lng: "fr", ns: ["common", "contributions", "moderation"], resources });

function item(overrides: Partial<ContributionItem> = {}): ContributionItem {
  return {
    id: A,
    parentId: null,
    state: "visible",
    hiddenReason: null,
    authorHidden: false,
    body: "Il faudrait un point d'eau.",
    stance: null,
    authorName: "Nadia",
    byProposalAuthor: false,
    own: false,
    usefulCount: 0,
    markedUseful: false,
    createdAt: "2030-03-01T09:30:00.000Z",
    editedAt: null,
    editableUntil: null,
    ...overrides,
  };
}

function section(items: ContributionThread[], overrides: Partial<ContributionsSectionData> = {}): ContributionsSectionData {
  return { proposalId: PROPOSAL, total: items.length, open: true, sort: "date", page: 1, pageCount: 1, items, ...overrides };
}

/** Server-rendered HTML, as a browser without JavaScript gets it, at a given URL of the proposal page. */
async function render(props: ContributionsSectionProps, url = `/propositions/${PROPOSAL}`) {
  const routes = [{ path: "/propositions/:id", element: <ContributionsSection {...props} /> }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://localhost${url}`));
  if (context instanceof Response) throw new Error("redirect");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nextProvider>,
  );
}

describe("ContributionsSection without JavaScript", () => {
  test("the new-contribution form posts to the resource route, with a stance fieldset and a labelled textarea", async () => {
    const html = await render({ section: section([{ ...item(), replies: [] }]), canContribute: true, open: true, signedIn: true });
    expect(html).toContain('<h2 id="contributions-title">Contributions (1)</h2>');
    expect(html).toMatch(new RegExp(`<form method="post" action="/propositions/${PROPOSAL}/contributions"[^>]*>`));
    expect(html).toContain("<legend>Votre position (facultatif)</legend>");
    for (const label of ["Sans position", "Pour", "Contre", "Question", "Témoignage"]) expect(html).toContain(`>${label}</label>`);
    expect(html).toMatch(/<input type="radio" id="cf-new-stance-none" name="stance" checked="" value=""\/>/);
    expect(html).toContain('<label for="cf-new-body">Votre contribution</label>');
    expect(html).toMatch(/<textarea id="cf-new-body"[^>]*aria-describedby="cf-new-body-hint"[^>]*name="body"/);
    // The _js marker only exists once hydrated: a plain post is answered with a redirect.
    expect(html).not.toContain('name="_js"');
    expect(html).toContain(">Publier ma contribution</button>");
  });

  test("each contribution is an article with author, date, stance, the text as text, and its actions", async () => {
    const hostile = '<script>alert(1)</script> voir https://example.org';
    const html = await render({
      section: section([
        { ...item({ stance: "against", body: hostile, usefulCount: 3, markedUseful: true, editedAt: "2030-03-01T09:40:00.000Z" }), replies: [item({ id: R, parentId: A, authorName: "Sophie", byProposalAuthor: true, body: "Merci pour votre retour." })] },
      ]),
      canContribute: true,
      open: true,
      signedIn: true,
    });
    expect(html).toContain(`<article id="contribution-${A}" tabindex="-1" class="contribution" aria-labelledby="contribution-${A}-title">`);
    expect(html).toContain(`<h3 id="contribution-${A}-title" class="contribution-author">Nadia</h3>`);
    expect(html).toContain('<time dateTime="2030-03-01T09:30:00.000Z">1 mars 2030 à 10:30</time>');
    expect(html).toContain('<span class="visually-hidden">Position : </span>Contre</span>');
    expect(html).toContain(">modifiée</span>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // « Utile (N) » is a toggle, posted to the contribution's route.
    expect(html).toMatch(new RegExp(`<form method="post" action="/contributions/${A}"[^>]*><input type="hidden" name="intent" value="unuseful"/><button type="submit" class="[^"]*useful-button" aria-pressed="true">Utile \\(3\\)`));
    // Replies are nested, one level, with the author's tag; the reply form is a disclosure.
    expect(html).toContain('<ol class="contribution-replies" aria-label="1 réponse">');
    expect(html).toContain(`<h4 id="contribution-${R}-title" class="contribution-author">Sophie</h4><span class="tag tag-author">Auteur de la proposition</span>`);
    expect(html).toContain(`<details id="repondre-${A}" class="contribution-reply"><summary>Répondre<span class="visually-hidden"> à Nadia</span></summary>`);
    expect(html).toContain(`<input type="hidden" name="parentId" value="${A}"/>`);
    expect(html).toContain('<label for="cf-reply-aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa-body">Votre réponse à Nadia</label>');
  });

  test("the author sees edit (within the window) and delete with a confirmation; others do not", async () => {
    const mine = item({ id: B, own: true, editableUntil: "2030-03-01T09:45:00.000Z", stance: "question", body: "Ma question." });
    const html = await render({ section: section([{ ...mine, replies: [] }]), canContribute: true, open: true, signedIn: true });
    expect(html).toContain('<details class="contribution-edit"><summary>Modifier<span class="visually-hidden"> ma contribution</span></summary>');
    expect(html).toContain("Vous pouvez la modifier jusqu&#x27;à 10:45.");
    expect(html).toMatch(new RegExp(`<form method="post" action="/contributions/${B}"[^>]*><input type="hidden" name="intent" value="edit"/>`));
    expect(html).toMatch(/<textarea id="cf-edit-[^"]+-body"[^>]*>Ma question.<\/textarea>/);
    expect(html).toContain('<details class="confirm contribution-delete"><summary>Supprimer');
    expect(html).toContain('<input type="hidden" name="intent" value="delete"/><button type="submit" class="button button-danger button-small">Oui, supprimer</button>');
    // Not one's own: no useful button on it, no edit or delete on others'.
    expect(html).not.toContain('name="intent" value="useful"');
    const other = await render({ section: section([{ ...item(), replies: [] }]), canContribute: true, open: true, signedIn: true });
    expect(other).not.toContain("contribution-edit");
    expect(other).not.toContain("contribution-delete");
    expect(other).toContain('name="intent" value="useful"');
  });

  test("deleted and hidden contributions show a placeholder and keep their replies", async () => {
    const html = await render({
      section: section([
        { ...item({ state: "deleted", body: null, authorName: null }), replies: [item({ id: R, parentId: A, body: "Une réponse qui reste." })] },
        { ...item({ id: B, state: "hidden", body: null, authorName: null }), replies: [] },
      ]),
      canContribute: true,
      open: true,
    });
    expect(html).toContain(`<p id="contribution-${A}-title" class="contribution-removed-text">Contribution supprimée</p>`);
    expect(html).toContain("Contribution masquée par la modération");
    expect(html).toContain("Une réponse qui reste.");
    expect(html).not.toContain(`repondre-${A}`);
  });

  test("sort links are shareable addresses, the current one marked; pages link with the sort kept", async () => {
    const html = await render({ section: section([{ ...item(), replies: [] }, { ...item({ id: B }), replies: [] }], { sort: "useful", page: 2, pageCount: 3 }), canContribute: false, open: true }, `/propositions/${PROPOSAL}?tri=utiles&page=2`);
    expect(html).toContain('<nav class="contributions-sort" aria-label="Ordre des contributions">');
    expect(html).toContain(`<a data-discover="true" href="/propositions/${PROPOSAL}#contributions">Les plus anciennes d&#x27;abord</a>`);
    expect(html).toContain(`<a aria-current="true" data-discover="true" href="/propositions/${PROPOSAL}?tri=utiles#contributions">Les plus utiles d&#x27;abord</a>`);
    expect(html).toContain(`<a rel="prev" data-discover="true" href="/propositions/${PROPOSAL}?tri=utiles#contributions">`);
    expect(html).toContain(`<a rel="next" data-discover="true" href="/propositions/${PROPOSAL}?tri=utiles&amp;page=3#contributions">`);
    expect(html).toContain("Page 2 sur 3");
  });

  test("forms carry the view, so a plain post comes back to the same sort and page", async () => {
    const html = await render({ section: section([{ ...item(), replies: [] }], { sort: "useful", page: 2, pageCount: 2 }), canContribute: true, open: true, signedIn: true });
    expect(html).toContain('<input type="hidden" name="tri" value="utiles"/><input type="hidden" name="page" value="2"/>');
  });

  test("visitors are invited to sign in; unverified people to confirm their address; closed proposals say so", async () => {
    const anonymous = await render({ section: section([]), canContribute: false, open: true });
    expect(anonymous).toContain(`href="/connexion?redirectTo=%2Fpropositions%2F${PROPOSAL}%23contribuer">Connectez-vous</a>`);
    expect(anonymous).not.toContain("<textarea");
    expect(anonymous).toContain("Soyez la première personne");
    const anonymousWithItem = await render({ section: section([{ ...item(), replies: [] }]), canContribute: false, open: true });
    expect(anonymousWithItem).not.toContain('action="/signalements"');
    const unverified = await render({ section: section([]), canContribute: false, open: true, signedIn: true });
    expect(unverified).toContain("confirmez d&#x27;abord votre adresse e-mail");
    const closed = await render({ section: section([{ ...item(), replies: [] }], { open: false }), canContribute: true, open: false, signedIn: true });
    expect(closed).toContain("Cette proposition ne reçoit plus de contributions.");
    expect(closed).not.toContain('name="body"');
    expect(closed).not.toContain("useful-button");
    expect(closed).not.toContain("Répondre");
    // Reporting stays possible on a closed proposal, for anyone signed in, except on one's own words.
    expect(closed).toContain('action="/signalements"');
    const own = await render({ section: section([{ ...item(), own: true, replies: [] }], { open: false }), canContribute: true, open: false, signedIn: true });
    expect(own).not.toContain('action="/signalements"');
  });

  test("after a failed plain post, the error shows next to the field and the text typed is back", async () => {
    const url = errorRedirectUrl({ proposalId: PROPOSAL, view: { sort: "date", page: 1 }, form: "new", error: "duplicate", body: "Mon texte <b>à moi</b>", stance: "testimony" });
    const html = await render({ section: section([{ ...item(), replies: [] }]), canContribute: true, open: true, signedIn: true }, url.replace(/#.*$/, ""));
    expect(html).toContain('<p id="cf-new-body-error" class="field-error"><span class="visually-hidden">Erreur : </span>Vous venez déjà de publier ce texte ici.');
    expect(html).toMatch(/<textarea id="cf-new-body" rows="6" aria-invalid="true" aria-describedby="cf-new-body-hint cf-new-body-error"[^>]*>Mon texte &lt;b&gt;à moi&lt;\/b&gt;<\/textarea>/);
    expect(html).toContain('<input type="radio" id="cf-new-stance-testimony" name="stance" checked="" value="testimony"/>');
    expect(html).toContain('<input type="radio" id="cf-new-stance-none" name="stance" value=""/>');

    const replyUrl = errorRedirectUrl({ proposalId: PROPOSAL, view: { sort: "date", page: 1 }, form: `reply-${A}`, error: "bodyTooShort", body: "x" });
    const reply = await render({ section: section([{ ...item(), replies: [] }]), canContribute: true, open: true, signedIn: true }, replyUrl.replace(/#.*$/, ""));
    expect(reply).toContain(`<details id="repondre-${A}" class="contribution-reply" open="">`);
    expect(reply).toContain("Votre texte est trop court : écrivez au moins 2 caractères.");
    // The new-contribution form is not the one in error.
    expect(reply).not.toContain('id="cf-new-body-error"');
  });

  test("a time-out on an edit shows at the contribution, even though its edit form is gone", async () => {
    const url = errorRedirectUrl({ proposalId: PROPOSAL, view: { sort: "date", page: 1 }, form: `edit-${B}`, error: "tooLate", body: "Correction" });
    const html = await render({ section: section([{ ...item({ id: B, own: true }), replies: [] }]), canContribute: true, open: true, signedIn: true }, url.replace(/#.*$/, ""));
    expect(html).toContain("Le délai de 15 minutes pour modifier est passé.");
  });
});
