import { createInstance } from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
// The router @remix-run/react is built on: enough to render fetcher forms outside a Remix app.
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test } from "vitest";
import { i18nConfig } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";
import { FollowButton } from "./follow-button.tsx";
import { SupportButton, type SupportButtonProps } from "./support-button.tsx";

const ID = "3f2b9a64-5c1d-4e8f-9a7b-1c2d3e4f5a6b";

/** The server-rendered HTML: what a browser without JavaScript gets. */
async function render(element: ReactElement, lng: "fr" | "en" = "fr") {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ ...i18nConfig, lng, ns: ["common", "supports"], resources });
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request(`http://localhost/propositions/${ID}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <StaticRouterProvider router={router} context={context} hydrate={false} />
    </I18nextProvider>,
  );
}

const base: SupportButtonProps = { proposalId: ID, supportCount: 12, threshold: 25, access: "support", supported: false };

describe("SupportButton without JavaScript", () => {
  test("is a plain form posting intent=support to the proposal's soutien route, with the count and its progress", async () => {
    const html = await render(<SupportButton {...base} />);
    expect(html).toContain(`<form method="post" action="/propositions/${ID}/soutien"`);
    expect(html).toContain('<input type="hidden" name="intent" value="support"/>');
    expect(html).toMatch(/<button type="submit" class="button support-toggle" aria-pressed="false">Je soutiens<\/button>/);
    expect(html).toContain(`<p id="support-progress-${ID}" class="support-count">12 soutiens sur 25 nécessaires</p>`);
    expect(html).toContain(`<progress class="support-meter" max="25" value="12" aria-labelledby="support-progress-${ID}">`);
    // The JavaScript marker appears only once the page runs scripts.
    expect(html).not.toContain('name="_js"');
    // The live region is there from the start, empty, so later messages are announced.
    expect(html).toContain('role="status" aria-live="polite" aria-atomic="true"></p>');
  });

  test("once supported, the button is pressed, posts intent=withdraw and explains how to withdraw", async () => {
    const html = await render(<SupportButton {...base} supported supportCount={13} />);
    expect(html).toContain('<input type="hidden" name="intent" value="withdraw"/>');
    expect(html).toContain('aria-pressed="true"');
    expect(html).toContain(`aria-describedby="support-hint-${ID}"`);
    expect(html).toContain("Vous soutenez cette proposition.");
    expect(html).toContain("13 soutiens sur 25 nécessaires");
  });

  test("at the threshold it says so, and the meter is full", async () => {
    const html = await render(<SupportButton {...base} supportCount={27} />);
    expect(html).toContain("Seuil atteint : 27 soutiens (25 nécessaires)");
    expect(html).toContain('max="25" value="25"');
  });

  test("singular and English", async () => {
    expect(await render(<SupportButton {...base} supportCount={1} />)).toContain("1 soutien sur 25 nécessaires");
    const en = await render(<SupportButton {...base} supportCount={0} />, "en");
    expect(en).toContain("0 supports out of 25 needed");
    expect(en).toContain(">I support this</button>");
  });

  test("anonymous visitors get a link to sign in that brings them back, and no form", async () => {
    const html = await render(<SupportButton {...base} access="sign_in" />);
    expect(html).not.toContain("<form");
    expect(html).toContain(`href="/connexion?redirectTo=%2Fpropositions%2F${ID}"`);
    expect(html).toContain("Connectez-vous pour soutenir");
    expect(html).toContain("12 soutiens sur 25 nécessaires");
  });

  test("the author, an unconfirmed address and a closed proposal each get their explanation instead of the button", async () => {
    expect(await render(<SupportButton {...base} access="author" />)).toContain("C&#x27;est votre proposition");
    const unverified = await render(<SupportButton {...base} access="verify_email" />);
    expect(unverified).toContain("confirmez d&#x27;abord votre adresse e-mail");
    expect(unverified).toContain('href="/compte"');
    const closed = await render(<SupportButton {...base} access="closed" supported />);
    expect(closed).toContain("Vous avez soutenu cette proposition. Cette proposition ne reçoit plus de soutiens.");
    for (const html of [unverified, closed]) expect(html).not.toContain("<form");
  });

  test("once the threshold is reached, the author is no longer asked to gather supports", async () => {
    const before = await render(<SupportButton {...base} access="author" supportCount={24} />);
    expect(before).toContain("elle a besoin du soutien des autres habitants");
    const reached = await render(<SupportButton {...base} access="author" supportCount={25} />);
    expect(reached).toContain("Seuil atteint : 25 soutiens (25 nécessaires)");
    expect(reached).toContain("C&#x27;est votre proposition : elle a assez de soutiens.");
    expect(reached).not.toContain("besoin du soutien");
    expect(await render(<SupportButton {...base} access="author" supportCount={25} />, "en")).toContain("it has enough supports");
  });
});

describe("FollowButton without JavaScript", () => {
  test("is a plain form posting intent=follow, or intent=unfollow once followed", async () => {
    const html = await render(<FollowButton proposalId={ID} following={false} canFollow />);
    expect(html).toContain(`<form method="post" action="/propositions/${ID}/suivi"`);
    expect(html).toContain('<input type="hidden" name="intent" value="follow"/>');
    expect(html).toContain('aria-pressed="false">Suivre cette proposition</button>');
    const following = await render(<FollowButton proposalId={ID} following canFollow />);
    expect(following).toContain('<input type="hidden" name="intent" value="unfollow"/>');
    expect(following).toContain('aria-pressed="true"');
    expect(following).toContain("Vous suivez cette proposition.");
  });

  test("renders nothing when the viewer cannot follow (anonymous, or a closed proposal they do not follow)", async () => {
    expect(await render(<FollowButton proposalId={ID} following={false} canFollow={false} />)).toBe("");
  });
});
