import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { ContactDetails, PageSection, TextList, translatedList } from "#app/components/static-page.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

// Read-only: no JavaScript is sent (see root.tsx).
export const handle = { i18n: ["pages"], hydrate: false };
export const meta = pageMeta;

// Public: the GDPR notice (articles 13 and 14) for everyone who uses the site.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(await getLocale(request), "pages");
  return json({ title: t("privacy.title"), description: t("privacy.description") });
}

const CNIL_COMPLAINT = "https://www.cnil.fr/fr/adresser-une-plainte";

type DataRow = { what: string; why: string; howLong: string };
type CookieRow = { name: string; purpose: string; duration: string };

export default function PrivacyNotice() {
  const { t } = useTranslation("pages");
  const list = <T = string,>(key: string) => translatedList<T>(t, key);
  return (
    <article className="text-page">
      <h1>{t("privacy.heading")}</h1>
      <p className="lead">{t("privacy.intro")}</p>
      <p className="eyebrow">{t("updatedOn", { date: t("privacy.updated") })}</p>

      <PageSection id="en-bref" title={t("privacy.short.title")}>
        <TextList items={list("privacy.short.items")} />
      </PageSection>

      <PageSection id="responsable" title={t("privacy.controller.title")}>
        <p>{t("privacy.controller.text")}</p>
        <p>{t("privacy.controller.legalBasis")}</p>
      </PageSection>

      <PageSection id="donnees" title={t("privacy.data.title")}>
        {/* One card per kind of data: readable on a phone, where a three-column table is not. */}
        <ul className="fact-cards" aria-label={t("privacy.data.caption")}>
          {list<DataRow>("privacy.data.rows").map((row) => (
            <li key={row.what} className="card">
              <h3>{row.what}</h3>
              <dl>
                <dt>{t("privacy.data.why")}</dt>
                <dd>{row.why}</dd>
                <dt>{t("privacy.data.howLong")}</dt>
                <dd>{row.howLong}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="ce-que-nous-ne-faisons-pas" title={t("privacy.notDone.title")}>
        <TextList items={list("privacy.notDone.items")} />
      </PageSection>

      <PageSection id="cookies" title={t("privacy.cookies.title")}>
        <p>{t("privacy.cookies.intro")}</p>
        <ul className="fact-cards" aria-label={t("privacy.cookies.caption")}>
          {list<CookieRow>("privacy.cookies.rows").map((row) => (
            <li key={row.name} className="card">
              <h3>
                <code>{row.name}</code>
              </h3>
              <dl>
                <dt>{t("privacy.cookies.purpose")}</dt>
                <dd>{row.purpose}</dd>
                <dt>{t("privacy.cookies.duration")}</dt>
                <dd>{row.duration}</dd>
              </dl>
            </li>
          ))}
        </ul>
      </PageSection>

      <PageSection id="destinataires" title={t("privacy.recipients.title")}>
        <TextList items={list("privacy.recipients.items")} />
      </PageSection>

      <PageSection id="droits" title={t("privacy.rights.title")}>
        <p>{t("privacy.rights.intro")}</p>
        <TextList items={list("privacy.rights.items")} />
        <p>{t("privacy.rights.how")}</p>
        <h3>{t("contact.title")}</h3>
        <ContactDetails />
      </PageSection>

      <PageSection id="cnil" title={t("privacy.cnil.title")}>
        <p>{t("privacy.cnil.text")}</p>
        <ul className="plain-list">
          <li>
            <a href={CNIL_COMPLAINT}>{t("privacy.cnil.link")}</a>
          </li>
          <li>{t("privacy.cnil.postal")}</li>
        </ul>
      </PageSection>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
