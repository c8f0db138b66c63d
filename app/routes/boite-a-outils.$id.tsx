import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { pageMeta } from "#app/components/meta.ts";
import { contentLang, ReferentialText } from "#app/components/referential.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { formatDuration } from "#app/components/toolbox/toolbox-format.ts";
import { getViewer, requirePermission } from "#app/modules/auth/auth.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { publishToolboxEntry } from "#app/modules/toolbox/publish-toolbox-entry.server.ts";
import { getToolboxEntry } from "#app/modules/toolbox/toolbox-queries.server.ts";
import { splitSteps } from "#app/modules/toolbox/toolbox.schema.ts";
import toolboxStyles from "#app/styles/toolbox.css";

export const handle = { i18n: ["toolbox"] };
export const meta = pageMeta;
// The fiche's print layout (one A4 page) applies to this page only.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: toolboxStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseUuid(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const [viewer, entry, locale] = await Promise.all([getViewer(request), getToolboxEntry(id), getLocale(request)]);
  if (!entry) throw new Response(null, { status: 404 });
  const editor = can(viewer, "toolbox.edit");
  // A draft belongs to the editors: anyone else is told it does not exist.
  if (entry.status !== "published" && !editor) throw new Response(null, { status: 404 });
  const t = await getFixedT(locale, "toolbox");
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  // The author's account stays private: the page shows what the entry says, never who typed it.
  const { authorId: _authorId, createdAt: _createdAt, ...shown } = entry;
  return json({
    title: entry.title,
    description: `${t(`kinds.${entry.kind}`)} · ${entry.summary.slice(0, 150)}`,
    locale,
    entry: {
      ...shown,
      steps: splitSteps(entry.steps),
      duration: entry.durationMinutes ? formatDuration(entry.durationMinutes) : null,
      publishedLabel: entry.publishedAt ? day.format(entry.publishedAt) : null,
      updatedLabel: day.format(entry.updatedAt),
    },
    editor,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "toolbox.edit");
  const id = parseUuid(params.id);
  if (!id) throw new Response(null, { status: 404 });
  const form = await request.formData().catch(() => null);
  const intent = form?.get("intent");
  if (intent !== "publish" && intent !== "unpublish") return json({ errors: { form: "validation.invalidForm" } }, { status: 400 });
  const result = await publishToolboxEntry({ actor: viewer, entryId: id, intent });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  return redirectWithFlash(`/boite-a-outils/${id}`, result.published ? "toolbox:flash.published" : "toolbox:flash.unpublished");
}

/** The print button needs JavaScript: without it, the page says how to print instead of showing a dead button. */
function PrintButton() {
  const { t } = useTranslation("toolbox");
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <p className="field-hint">{t("entry.printHint")}</p>;
  return (
    <button type="button" className="button button-secondary" onClick={() => window.print()}>
      {t("entry.print")}
    </button>
  );
}

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["entry"];

function Text({ text, lang }: { text: string; lang?: string }) {
  return <ReferentialText text={text} lang={lang} className="toolbox-text" />;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="toolbox-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Ambitions({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  if (!entry.ambitions.length) return null;
  return (
    <Section id="entry-ambitions" title={t("entry.ambitions")}>
      <ul className="toolbox-ambitions">
        {entry.ambitions.map((a) => (
          <li key={a.number}>
            <AppLink to={`/ambitions/${a.number}`}>
              <span className="ambition-number">{a.number}</span> <span lang={lang}>{a.title}</span>
            </AppLink>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** One line of a fiche's facts, shown only when it has something to say. */
function Fact({ when, label, lang, children }: { when: unknown; label: string; lang?: string; children: ReactNode }) {
  if (!when) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd lang={lang}>{children}</dd>
    </div>
  );
}

function Places({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  return (
    <>
      <Fact when={entry.quartierCode && entry.quartierName} label={t("entry.quartier")}>
        <AppLink to={`/quartiers/${entry.quartierCode}`} lang={lang}>
          {entry.quartierName}
        </AppLink>
      </Fact>
      <Fact when={entry.communes.length} label={t("entry.communes", { count: entry.communes.length })} lang={lang}>
        {entry.communes.map((c) => c.name).join(", ")}
      </Fact>
    </>
  );
}

function Contact({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  if (!entry.organisation && !entry.publicContact) return null;
  return (
    <Section id="entry-contact" title={t("entry.contact")}>
      {entry.organisation ? (
        <p className="toolbox-organisation" lang={lang}>
          {entry.organisation}
        </p>
      ) : null}
      {entry.publicContact ? <Text text={entry.publicContact} lang={lang} /> : null}
    </Section>
  );
}

function ExperienceBody({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  return (
    <>
      <Section id="entry-what" title={t("entry.experience.what")}>
        <Text text={entry.summary} lang={lang} />
      </Section>
      {entry.place || entry.quartierName || entry.communes.length || entry.people ? (
        <Section id="entry-where" title={t("entry.experience.whereWho")}>
          <dl className="toolbox-facts">
            <Fact when={entry.place} label={t("entry.place")} lang={lang}>
              {entry.place}
            </Fact>
            <Places entry={entry} lang={lang} />
            <Fact when={entry.people} label={t("entry.people")}>
              <Text text={entry.people} lang={lang} />
            </Fact>
          </dl>
        </Section>
      ) : null}
      <Section id="entry-worked" title={t("entry.experience.worked")}>
        <Text text={entry.whatWorked} lang={lang} />
      </Section>
      {entry.whatDidNot ? (
        <Section id="entry-did-not" title={t("entry.experience.didNot")}>
          <Text text={entry.whatDidNot} lang={lang} />
        </Section>
      ) : null}
      <Ambitions entry={entry} lang={lang} />
      <Contact entry={entry} lang={lang} />
    </>
  );
}

function MethodBody({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  return (
    <>
      <Section id="entry-what" title={t("entry.method.what")}>
        <Text text={entry.summary} lang={lang} />
      </Section>
      {entry.audience || entry.duration || entry.material ? (
        <Section id="entry-practical" title={t("entry.method.practical")}>
          <dl className="toolbox-facts">
            <Fact when={entry.audience} label={t("entry.audience")} lang={lang}>
              {entry.audience}
            </Fact>
            <Fact when={entry.duration} label={t("entry.duration")}>
              {entry.duration}
            </Fact>
            <Fact when={entry.material} label={t("entry.material")}>
              <Text text={entry.material} lang={lang} />
            </Fact>
          </dl>
        </Section>
      ) : null}
      <Section id="entry-steps" title={t("entry.method.steps")}>
        <ol className="toolbox-steps" lang={lang}>
          {entry.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      </Section>
      <Ambitions entry={entry} lang={lang} />
    </>
  );
}

function ActorBody({ entry, lang }: { entry: Entry; lang?: string }) {
  const { t } = useTranslation("toolbox");
  return (
    <>
      <Section id="entry-what" title={t("entry.actor.who")}>
        <Text text={entry.summary} lang={lang} />
        {entry.themes || entry.quartierName || entry.communes.length ? (
          <dl className="toolbox-facts">
            <Fact when={entry.themes} label={t("entry.themes")} lang={lang}>
              {entry.themes}
            </Fact>
            <Places entry={entry} lang={lang} />
          </dl>
        ) : null}
      </Section>
      <Section id="entry-actions" title={t("entry.actor.actions")}>
        <Text text={entry.actions} lang={lang} />
      </Section>
      <Ambitions entry={entry} lang={lang} />
      <Contact entry={entry} lang={lang} />
    </>
  );
}

export default function ToolboxEntryRoute() {
  const { entry, editor, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("toolbox");
  const { t: tc } = useTranslation();
  const fr = contentLang(locale);
  const draft = entry.status !== "published";
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.toolbox"), to: "/boite-a-outils" },
          { label: entry.title, lang: fr },
        ]}
      />
      {actionData?.errors.form ? (
        <p className="notice notice-error" role="alert">
          {tc(actionData.errors.form as never)}
        </p>
      ) : null}
      <article className={`toolbox-entry toolbox-entry-${entry.kind}`} aria-labelledby="entry-title">
        <header className="toolbox-entry-header">
          <p className="eyebrow">{t(`kinds.${entry.kind}`)}</p>
          <h1 id="entry-title" lang={fr}>
            {entry.title}
          </h1>
          {draft ? (
            <p className="notice notice-warning">
              <strong>{t("entry.draftBadge")}</strong> {t("entry.draftNotice")}
            </p>
          ) : null}
        </header>
        <div className="toolbox-entry-body">
          {entry.kind === "experience" ? <ExperienceBody entry={entry} lang={fr} /> : entry.kind === "method" ? <MethodBody entry={entry} lang={fr} /> : <ActorBody entry={entry} lang={fr} />}
        </div>
        <footer className="toolbox-entry-footer">
          <p>
            {entry.publishedLabel && !draft ? t("entry.published", { date: entry.publishedLabel }) : null}
            {entry.publishedLabel && !draft ? " · " : null}
            {t("entry.updated", { date: entry.updatedLabel })}
          </p>
          <p className="toolbox-print-source">{t("entry.printSource")}</p>
        </footer>
      </article>

      <div className="toolbox-entry-tools">
        <PrintButton />
        {editor ? (
          <>
            <p>
              <AppLink to={`/boite-a-outils/${entry.id}/modifier`} className="button">
                {t("entry.edit")}
              </AppLink>
            </p>
            <Form method="post">
              <button type="submit" name="intent" value={draft ? "publish" : "unpublish"} className="button button-secondary">
                {draft ? t("entry.publish") : t("entry.unpublish")}
              </button>
            </Form>
          </>
        ) : null}
        <p>
          <AppLink to="/boite-a-outils">{t("entry.back")}</AppLink>
        </p>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
