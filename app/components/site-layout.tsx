import { Form, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactElement, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink, usePageHydrates } from "#app/components/app-link.tsx";
import { CachedMarkup } from "#app/components/cached-markup.tsx";
import { NotificationBell } from "#app/components/notification-bell.tsx";
import type { BellData } from "#app/modules/notifications/notification-text.ts";

export type LayoutViewer = {
  displayName: string;
  emailVerified: boolean;
  canAdminister: boolean;
  canModerate: boolean;
  /** Coordinators and administrators: the GTP / COPIL secretariat. */
  canGovern?: boolean;
  /** The header bell: unread notifications. */
  notifications?: BellData;
  notice: { kind: "suspended" | "charter"; text: string } | null;
} | null;

type NavItem = { to: string; key: string; end?: boolean; only?: "canModerate" | "canGovern" | "canAdminister" };

const NAV: NavItem[] = [
  { to: "/", key: "home", end: true },
  { to: "/propositions", key: "proposals", end: true },
  { to: "/labo", key: "labo" },
  { to: "/ambitions", key: "ambitions" },
  { to: "/quartiers", key: "quartiers" },
  { to: "/conseils-citoyens", key: "councils" },
  { to: "/boite-a-outils", key: "toolbox" },
  { to: "/instances", key: "instances" },
  { to: "/moderation", key: "moderation", only: "canModerate" },
  { to: "/gouvernance", key: "governance", only: "canGovern" },
  { to: "/admin", key: "admin", only: "canAdminister" },
];

/** The section a path belongs to, as NavLink decides it (`end`: that path only). */
function isCurrent(pathname: string, { to, end }: NavItem) {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return path === to || (!end && path.startsWith(`${to}/`));
}

/** Signing out: through the router where the page runs JavaScript, a plain post where it does not. */
function SignOutForm({ children }: { children: ReactNode }) {
  return usePageHydrates() ? (
    <Form method="post" action="/deconnexion">
      {children}
    </Form>
  ) : (
    <form method="post" action="/deconnexion">
      {children}
    </form>
  );
}

export function SiteLayout({ viewer, locale, flash, children }: { viewer: LayoutViewer; locale: string; flash: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const otherLocale = locale === "en" ? "fr" : "en";
  const signedIn = viewer !== null;
  const nav = {
    current: NAV.find((item) => isCurrent(location.pathname, item))?.to ?? null,
    canModerate: viewer?.canModerate ?? false,
    canGovern: viewer?.canGovern ?? false,
    canAdminister: viewer?.canAdminister ?? false,
  };
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <LayoutPart cacheKey="brand">
            <Brand />
          </LayoutPart>
          <div className="header-tools">
            <LayoutPart cacheKey="propose">
              <ProposeLink />
            </LayoutPart>
            {/* A full page load either way (the whole page changes language): a plain form. */}
            <form method="post" action="/resources/langue" className="lang-switch">
              <input type="hidden" name="redirectTo" value={here} />
              <input type="hidden" name="locale" value={otherLocale} />
              <button type="submit" className="link-button" lang={otherLocale}>
                {t("layout.switchLanguage")}
              </button>
            </form>
            {viewer?.notifications ? <NotificationBell data={viewer.notifications} /> : null}
            <LayoutPart cacheKey={`account ${signedIn}`}>
              <AccountLinks signedIn={signedIn} />
            </LayoutPart>
          </div>
        </div>
        <LayoutPart cacheKey={`nav ${JSON.stringify(nav)}`}>
          <MainNav {...nav} />
        </LayoutPart>
      </header>
      {viewer?.notice ? <AccountNotice notice={viewer.notice} here={here} /> : null}
      {flash ? <FlashMessage message={flash} /> : null}
      <main id="contenu" tabIndex={-1} className="container main">
        {children}
      </main>
      <LayoutPart cacheKey="footer">
        <SiteFooter />
      </LayoutPart>
    </>
  );
}

/**
 * The parts of the layout that depend only on a few inputs (named in `cacheKey`) and the locale: on pages
 * that ship no JavaScript they are rendered once and reused as markup (see CachedMarkup).
 */
function LayoutPart({ cacheKey, children }: { cacheKey: string; children: ReactElement }) {
  return usePageHydrates() ? children : <CachedMarkup cacheKey={`layout ${cacheKey}`}>{children}</CachedMarkup>;
}

function Brand() {
  const { t } = useTranslation();
  return (
    <AppLink to="/" className="brand" aria-label={t("layout.homeLink")}>
      <span className="brand-mark" aria-hidden="true">
        L
      </span>
      <span className="brand-text">
        <span className="brand-name">Labo</span>
        <span className="brand-tagline">{t("layout.tagline")}</span>
      </span>
    </AppLink>
  );
}

function ProposeLink() {
  const { t } = useTranslation();
  return (
    <AppLink to="/propositions/nouvelle" className="button button-small button-accent">
      {t("layout.propose")}
    </AppLink>
  );
}

function AccountLinks({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return signedIn ? (
    <>
      <AppLink to="/compte" className="header-link">
        {t("layout.account")}
      </AppLink>
      <SignOutForm>
        <button type="submit" className="link-button">
          {t("layout.signOut")}
        </button>
      </SignOutForm>
    </>
  ) : (
    <>
      <AppLink to="/connexion" className="header-link">
        {t("layout.signIn")}
      </AppLink>
      <AppLink to="/inscription" className="button button-small">
        {t("layout.signUp")}
      </AppLink>
    </>
  );
}

function MainNav({ current, canModerate, canGovern, canAdminister }: { current: string | null; canModerate: boolean; canGovern: boolean; canAdminister: boolean }) {
  const { t } = useTranslation();
  const allowed = { canModerate, canGovern, canAdminister };
  return (
    <nav className="main-nav" aria-label={t("layout.mainNav")}>
      <ul className="container">
        {NAV.filter((item) => !item.only || allowed[item.only]).map((item) => (
          <li key={item.to}>
            <AppLink to={item.to} aria-current={item.to === current ? "page" : undefined}>
              {t(`layout.nav.${item.key}`)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const FOOTER_LINKS = [
  { to: "/accessibilite", key: "accessibility" },
  { to: "/confidentialite", key: "privacy" },
  { to: "/charte", key: "charter" },
  { to: "/moderation/transparence", key: "transparency" },
];

function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("layout.footer.about")}</p>
        <ul className="footer-links">
          {FOOTER_LINKS.map(({ to, key }) => (
            <li key={to}>
              <AppLink to={to}>{t(`layout.footer.${key}`)}</AppLink>
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}

function AccountNotice({ notice, here }: { notice: NonNullable<LayoutViewer>["notice"] & object; here: string }) {
  const { t } = useTranslation();
  return (
    <div className="container">
      <p className="notice notice-warning account-notice">
        {notice.text}
        {notice.kind === "charter" && !here.startsWith("/charte") ? (
          <>
            {" "}
            <AppLink to={`/charte/accepter?${new URLSearchParams({ redirectTo: here })}`}>{t("writeBlocked.charterLink")}</AppLink>
          </>
        ) : null}
      </p>
    </div>
  );
}

function FlashMessage({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  return (
    <div className="container">
      <div ref={ref} className="flash" role="status" tabIndex={-1}>
        {message}
      </div>
    </div>
  );
}
