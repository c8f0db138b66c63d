import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { ContactDetails, PageSection, TextList, translatedList } from "#app/components/static-page.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";

// Read-only: no JavaScript is sent (see root.tsx).
export const handle = { i18n: ["pages"], hydrate: false };
export const meta = pageMeta;

// Public: the RGAA accessibility statement every public service website must publish.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(await getLocale(request), "pages");
  return json({ title: t("accessibility.title"), description: t("accessibility.description") });
}

const DEFENSEUR_FORM = "https://formulaire.defenseurdesdroits.fr/";
const DEFENSEUR_DELEGATES = "https://www.defenseurdesdroits.fr/carte-des-delegues";

export default function AccessibilityStatement() {
  const { t } = useTranslation("pages");
  const list = (key: string) => translatedList(t, key);
  return (
    <article className="text-page">
      <h1>{t("accessibility.heading")}</h1>
      {list("accessibility.intro").map((p) => (
        <p key={p}>{p}</p>
      ))}

      <PageSection id="conformite" title={t("accessibility.status.title")}>
        <p className="notice">
          <strong>{t("accessibility.status.text")}</strong>
        </p>
        <p>{t("accessibility.status.audit")}</p>
      </PageSection>

      <PageSection id="fait" title={t("accessibility.done.title")}>
        <p>{t("accessibility.done.intro")}</p>
        <TextList items={list("accessibility.done.items")} />
      </PageSection>

      <PageSection id="limites" title={t("accessibility.limits.title")}>
        <p>{t("accessibility.limits.text")}</p>
      </PageSection>

      <PageSection id="signaler" title={t("accessibility.report.title")}>
        <p>{t("accessibility.report.text")}</p>
        <ContactDetails />
      </PageSection>

      <PageSection id="recours" title={t("accessibility.recourse.title")}>
        <p>{t("accessibility.recourse.text")}</p>
        <ul className="plain-list">
          <li>
            <a href={DEFENSEUR_FORM}>{t("accessibility.recourse.items.form")}</a>
          </li>
          <li>
            <a href={DEFENSEUR_DELEGATES}>{t("accessibility.recourse.items.delegate")}</a>
          </li>
          <li>{t("accessibility.recourse.items.phone")}</li>
          <li>{t("accessibility.recourse.items.postal")}</li>
        </ul>
      </PageSection>

      <PageSection id="methode" title={t("accessibility.method.title")}>
        <TextList items={list("accessibility.method.items")} />
      </PageSection>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
