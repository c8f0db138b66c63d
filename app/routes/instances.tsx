import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { listGovernanceBodies } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["referential"], hydrate: false };
export const meta = pageMeta;

const STEPS = ["step1", "step2", "step3", "step4", "step5"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const [t, bodies] = await Promise.all([getFixedT(locale, "referential"), listGovernanceBodies()]);
  return json({
    title: t("instances.meta.title"),
    description: t("instances.meta.description"),
    locale,
    bodies: bodies.map((b) => ({ key: b.key, name: b.name, cadence: b.cadence, members: b.members, role: b.role })),
  });
}

export default function InstancesRoute() {
  const { bodies, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("referential");
  const fr = contentLang(locale);
  return (
    <>
      <Breadcrumb label={t("breadcrumb.label")} items={[{ label: t("breadcrumb.home"), to: "/" }, { label: t("instances.meta.title") }]} />
      <h1>{t("instances.title")}</h1>
      <p className="lead">{t("instances.intro")}</p>

      <section className="section" aria-labelledby="loop-title">
        <h2 id="loop-title">{t("instances.loopTitle")}</h2>
        <p>{t("instances.loopIntro")}</p>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step}>{t(`instances.${step}`)}</li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="bodies-title">
        <h2 id="bodies-title">{t("instances.bodiesTitle")}</h2>
        {bodies.map((body) => (
          <section key={body.key} id={`instance-${body.key}`} className="card instance" aria-labelledby={`instance-${body.key}-title`}>
            <h3 id={`instance-${body.key}-title`} lang={fr}>
              {body.name}
            </h3>
            <dl className="facts">
              {body.cadence ? (
                <div>
                  <dt>{t("instances.cadence")}</dt>
                  <dd lang={fr}>{body.cadence}</dd>
                </div>
              ) : null}
              {body.members ? (
                <div>
                  <dt>{t("instances.members")}</dt>
                  <dd>
                    <ReferentialText text={body.members} lang={fr} />
                  </dd>
                </div>
              ) : null}
              {body.role ? (
                <div>
                  <dt>{t("instances.role")}</dt>
                  <dd>
                    <ReferentialText text={body.role} lang={fr} />
                  </dd>
                </div>
              ) : null}
            </dl>
          </section>
        ))}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
