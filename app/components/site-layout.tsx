import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type LayoutViewer = {
  displayName: string;
  emailVerified: boolean;
  canAdminister: boolean;
  canModerate: boolean;
  notice: { kind: "suspended" | "charter"; text: string } | null;
} | null;

export function SiteLayout({ viewer, locale, flash, children }: { viewer: LayoutViewer; locale: string; flash: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const otherLocale = locale === "en" ? "fr" : "en";
  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" aria-label={t("layout.homeLink")}>
            <span className="brand-mark" aria-hidden="true">
              L
            </span>
            <span className="brand-text">
              <span className="brand-name">Labo</span>
              <span className="brand-tagline">{t("layout.tagline")}</span>
            </span>
          </Link>
          <div className="header-tools">
            <Link to="/propositions/nouvelle" className="button button-small button-accent">
              {t("layout.propose")}
            </Link>
            <Form method="post" action="/resources/langue" className="lang-switch" reloadDocument>
              <input type="hidden" name="redirectTo" value={here} />
              <input type="hidden" name="locale" value={otherLocale} />
              <button type="submit" className="link-button" lang={otherLocale}>
                {t("layout.switchLanguage")}
              </button>
            </Form>
            {viewer ? (
              <>
                <Link to="/compte" className="header-link">
                  {t("layout.account")}
                </Link>
                <Form method="post" action="/deconnexion">
                  <button type="submit" className="link-button">
                    {t("layout.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/connexion" className="header-link">
                  {t("layout.signIn")}
                </Link>
                <Link to="/inscription" className="button button-small">
                  {t("layout.signUp")}
                </Link>
              </>
            )}
          </div>
        </div>
        <nav className="main-nav" aria-label={t("layout.mainNav")}>
          <ul className="container">
            <li>
              <NavLink to="/" end>
                {t("layout.nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/propositions" end>
                {t("layout.nav.proposals")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/labo">{t("layout.nav.labo")}</NavLink>
            </li>
            <li>
              <NavLink to="/ambitions">{t("layout.nav.ambitions")}</NavLink>
            </li>
            <li>
              <NavLink to="/quartiers">{t("layout.nav.quartiers")}</NavLink>
            </li>
            <li>
              <NavLink to="/instances">{t("layout.nav.instances")}</NavLink>
            </li>
            {viewer?.canModerate ? (
              <li>
                <NavLink to="/moderation">{t("layout.nav.moderation")}</NavLink>
              </li>
            ) : null}
            {viewer?.canAdminister ? (
              <li>
                <NavLink to="/admin">{t("layout.nav.admin")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      {viewer?.notice ? <AccountNotice notice={viewer.notice} here={here} /> : null}
      {flash ? <FlashMessage message={flash} /> : null}
      <main id="contenu" tabIndex={-1} className="container main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("layout.footer.about")}</p>
          <ul className="footer-links">
            <li>
              <Link to="/accessibilite">{t("layout.footer.accessibility")}</Link>
            </li>
            <li>
              <Link to="/confidentialite">{t("layout.footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/charte">{t("layout.footer.charter")}</Link>
            </li>
            <li>
              <Link to="/moderation/transparence">{t("layout.footer.transparency")}</Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
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
            <Link to={`/charte/accepter?${new URLSearchParams({ redirectTo: here })}`}>{t("writeBlocked.charterLink")}</Link>
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
