import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, TextAreaField, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { PARTNER_DESCRIPTION_MAX, PARTNER_NAME_MAX, PartnerSchema, PartnerStateSchema } from "#app/modules/governance/gtp.schema.ts";
import { listPartners } from "#app/modules/governance/partner-queries.server.ts";
import { addPartner, setPartnerActive } from "#app/modules/governance/partner-writes.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";

export const handle = { i18n: ["gtp"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "governance.manage");
  const [t, partners] = await Promise.all([getFixedT(await getLocale(request), "gtp"), listPartners()]);
  return json({ title: t("partners.title"), partners });
}

type ActionData = { intent: "add" | "state" | null; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "governance.manage");
  const formData = await request.formData().catch(() => null);
  const intent = String(formData?.get("intent") ?? "");
  if (formData && intent === "add") {
    const parsed = validateFormData(formData, PartnerSchema);
    const { intent: _intent, ...values } = parsed.values;
    if (!parsed.ok) return json<ActionData>({ intent: "add", errors: parsed.errors, values }, { status: 400 });
    const result = await addPartner({ actor: viewer, input: parsed.data });
    if (result.status === "duplicate") return json<ActionData>({ intent: "add", errors: { name: "gtp:validation.partnerDuplicate" }, values }, { status: 400 });
    if (result.status === "forbidden") throw new Response(null, { status: 403 });
    return redirectWithFlash("/gouvernance/partenaires", "gtp:flash.partnerAdded");
  }
  if (formData && intent === "state") {
    const parsed = validateFormData(formData, PartnerStateSchema);
    if (!parsed.ok) return json<ActionData>({ intent: "state", errors: { form: "gtp:errors.unknownPartner" }, values: {} }, { status: 400 });
    const result = await setPartnerActive({ actor: viewer, partnerId: parsed.data.partnerId, active: parsed.data.active });
    if (result.status === "not_found") throw new Response(null, { status: 404 });
    if (result.status === "forbidden") throw new Response(null, { status: 403 });
    return redirectWithFlash("/gouvernance/partenaires", parsed.data.active ? "gtp:flash.partnerActivated" : "gtp:flash.partnerDeactivated");
  }
  return json<ActionData>({ intent: null, errors: { form: "gtp:errors.unknownIntent" }, values: {} }, { status: 400 });
}

export default function PartnersRoute() {
  const { partners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("gtp");
  const addState = actionData?.intent === "add" ? actionData : undefined;
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(PartnerSchema, addState);
  const labels = { name: t("partners.name"), description: t("partners.description") };
  return (
    <>
      <Breadcrumb label={t("instruction.breadcrumb")} items={[{ label: t("queue.title"), to: "/gouvernance" }, { label: t("partners.title") }]} />
      <h1>{t("partners.title")}</h1>
      <p className="lead">{t("partners.intro")}</p>
      {actionData && actionData.intent !== "add" ? (
        <p className="notice notice-error" role="alert">
          {t(actionData.errors.form as never)}
        </p>
      ) : null}

      <section className="section" aria-labelledby="partners-list-title">
        <h2 id="partners-list-title">{t("partners.listTitle", { count: partners.length })}</h2>
        {partners.length ? (
          <ul className="plain-cards">
            {partners.map((partner) => (
              <li key={partner.id} className="card">
                <h3>{partner.name}</h3>
                {partner.description ? <p>{partner.description}</p> : null}
                <p>
                  <span className={`tag${partner.active ? " tag-ok" : " tag-muted"}`}>{partner.active ? t("partners.active") : t("partners.inactive")}</span>
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="state" />
                  <input type="hidden" name="partnerId" value={partner.id} />
                  <input type="hidden" name="active" value={partner.active ? "false" : "true"} />
                  <button type="submit" className="button button-secondary button-small">
                    {partner.active ? t("partners.deactivate", { name: partner.name }) : t("partners.activate", { name: partner.name })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("partners.empty")}</p>
        )}
      </section>

      <section className="section" aria-labelledby="partner-add-title">
        <h2 id="partner-add-title">{t("partners.addTitle")}</h2>
        <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby="partner-add-title">
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary errors={summaryErrors} labels={labels} />
          <TextField name="name" maxLength={PARTNER_NAME_MAX} required label={labels.name} hint={t("partners.nameHint")} error={errors.name} registration={register("name")} />
          <TextAreaField name="description" rows={3} maxLength={PARTNER_DESCRIPTION_MAX} label={labels.description} hint={t("partners.descriptionHint")} error={errors.description} registration={register("description")} />
          <div className="form-actions">
            <button type="submit" className="button">
              {t("partners.submit")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
