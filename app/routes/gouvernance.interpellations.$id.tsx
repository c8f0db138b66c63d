import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { ErrorSummary, TextAreaField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { answerDeadline, daysWaiting, isOverdue } from "#app/modules/governance/answer-deadline.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { answerInterpellation } from "#app/modules/interpellations/answer-interpellation.server.ts";
import { ANSWER_MAX, AnswerInterpellationSchema } from "#app/modules/interpellations/interpellation.schema.ts";
import { getInterpellation } from "#app/modules/interpellations/interpellation-queries.server.ts";
import { parseUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { getSetting } from "#app/modules/settings/platform-settings.server.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["interpellations", "gtp"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

/** Coordinators only; a malformed or unknown id, or a hidden interpellation, is not found. */
async function guard(request: Request, rawId: string | undefined) {
  const viewer = await requirePermission(request, "governance.manage");
  const id = parseUuid(rawId);
  if (!id) throw new Response(null, { status: 404 });
  const row = await getInterpellation(id);
  if (!row || row.hiddenAt) throw new Response(null, { status: 404 });
  return { viewer, row };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { row } = await guard(request, params.id);
  const locale = await getLocale(request);
  const [t, days] = await Promise.all([getFixedT(locale, "interpellations"), getSetting("governance.answerDeadlineDays")]);
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Paris" });
  const now = new Date();
  return json({
    title: t("gtp.title", { title: row.title }),
    interpellation: {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      askedBy: row.source === "council" ? t("page.byCouncil", { council: row.councilName ?? "" }) : t("page.byNetwork", { organisation: row.organisation }),
      // The GTP may need to call the sender back: their name (never shown publicly), not their contact.
      authorName: row.authorName,
      ambition: row.ambitionNumber && row.ambitionTitle ? t("form.ambitionOption", { number: row.ambitionNumber, title: row.ambitionTitle }) : null,
      quartierName: row.quartierName,
      sent: day.format(row.createdAt),
      daysWaiting: daysWaiting(row.createdAt, now),
      deadline: day.format(answerDeadline(row.createdAt, days)),
      overdue: isOverdue({ qualifiedAt: row.createdAt, answeredAt: row.answeredAt }, days, now),
      answer: row.answer,
      answered: row.answeredAt ? day.format(row.answeredAt) : null,
    },
  });
}

type ActionData = { errors: Record<string, string>; values: Record<string, string> };
const ALREADY_ANSWERED = "interpellations:errors.alreadyAnswered";

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, row } = await guard(request, params.id);
  const parsed = await parseForm(request, AnswerInterpellationSchema);
  // Answered already: that is what the coordinator must hear, whatever the text sent (it is kept below).
  if (row.answer !== null) return json<ActionData>({ errors: { form: ALREADY_ANSWERED }, values: parsed.values }, { status: 409 });
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await answerInterpellation({ actor: viewer, interpellationId: row.id, answer: parsed.data.answer });
  if (result.status === "forbidden") throw new Response(null, { status: 403 });
  if (result.status === "not_found") throw new Response(null, { status: 404 });
  // Answered meanwhile (another coordinator, or a form left open): said, and what was typed is kept.
  if (result.status === "already_answered") return json<ActionData>({ errors: { form: ALREADY_ANSWERED }, values: parsed.values }, { status: 409 });
  return redirectWithFlash(`/gouvernance/interpellations/${row.id}`, "interpellations:flash.answered");
}

export default function GtpInterpellationRoute() {
  const { interpellation: i } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("interpellations");
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.gtp"), to: "/gouvernance" },
          { label: t("breadcrumb.interpellation") },
        ]}
      />
      <p className="eyebrow">{t(`kind.${i.kind}`)}</p>
      <h1>{i.title}</h1>
      <dl className="facts">
        <div>
          <dt>{t("gtp.askedBy")}</dt>
          <dd>{i.askedBy}</dd>
        </div>
        {i.authorName ? (
          <div>
            <dt>{t("gtp.sentBy")}</dt>
            <dd>{i.authorName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("gtp.sent")}</dt>
          <dd>{i.sent}</dd>
        </div>
        {i.ambition ? (
          <div>
            <dt>{t("page.ambition")}</dt>
            <dd lang="fr">{i.ambition}</dd>
          </div>
        ) : null}
        {i.quartierName ? (
          <div>
            <dt>{t("page.quartier")}</dt>
            <dd lang="fr">{i.quartierName}</dd>
          </div>
        ) : null}
      </dl>
      <RichText text={i.body} />
      <p>
        <Link to={`/interpellations/${i.id}`}>{t("gtp.publicLink")}</Link>
      </p>
      <section className="section" aria-labelledby="answer-title">
        <h2 id="answer-title">{t("page.answerTitle")}</h2>
        {i.answer ? (
          <>
            <p>{t("page.answeredOn", { date: i.answered })}</p>
            <RichText text={i.answer} />
          </>
        ) : (
          <>
            <p>
              {t("page.waiting", { count: i.daysWaiting })} {i.overdue ? <strong>{t("page.overdue", { date: i.deadline })}</strong> : t("page.deadline", { date: i.deadline })}
            </p>
            <AnswerForm server={actionData} />
          </>
        )}
        {i.answer && actionData?.errors.form ? (
          <>
            <ErrorSummary errors={actionData.errors} labels={{}} />
            {actionData.values.answer ? (
              <details open>
                <summary>{t("gtp.unsent")}</summary>
                <p className="pre-wrap">{actionData.values.answer}</p>
              </details>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

function AnswerForm({ server }: { server: ActionData | undefined }) {
  const { t } = useTranslation("interpellations");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(AnswerInterpellationSchema, server);
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="form">
      <ErrorSummary errors={summaryErrors} labels={{ answer: t("gtp.answer") }} />
      <TextAreaField name="answer" label={t("gtp.answer")} hint={t("gtp.answerHint")} error={errors.answer} registration={register("answer")} rows={8} maxLength={ANSWER_MAX} />
      <button type="submit" className="button">
        {t("gtp.submit")}
      </button>
    </Form>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
