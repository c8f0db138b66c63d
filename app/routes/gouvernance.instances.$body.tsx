import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { parseBodyKey } from "#app/modules/governance/meeting.schema.ts";
import { MEMBER_INSTITUTION_MAX, MEMBER_NAME_MAX, MemberActionSchema, MemberSchema } from "#app/modules/governance/member.schema.ts";
import { listMembers } from "#app/modules/governance/member-queries.server.ts";
import { addMember, moveMember, removeMember } from "#app/modules/governance/member-writes.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { getGovernanceBody } from "#app/modules/referential/referential-queries.server.ts";

export const handle = { i18n: ["instances"] };
export const meta = pageMeta;

async function requireBody(request: Request, raw: string | undefined) {
  const viewer = await requirePermission(request, "governance.manage");
  const key = parseBodyKey(raw);
  const body = key ? await getGovernanceBody(key) : null;
  if (!body) throw new Response(null, { status: 404 });
  return { viewer, body };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { body } = await requireBody(request, params.body);
  const [t, members] = await Promise.all([getFixedT(await getLocale(request), "instances"), listMembers(body.key)]);
  return json({ title: t("members.title", { name: body.name }), body: { key: body.key, name: body.name }, members });
}

const INTENTS = ["add", "remove", "up", "down"] as const;
type Intent = (typeof INTENTS)[number];
type ActionData = { intent: Intent; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, body } = await requireBody(request, params.body);
  const formData = await request.formData().catch(() => null);
  const intent = INTENTS.find((i) => i === formData?.get("intent"));
  if (!formData || !intent) return json<ActionData>({ intent: "add", errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const here = `/gouvernance/instances/${body.key}`;

  if (intent === "add") {
    const parsed = validateFormData(formData, MemberSchema);
    if (!parsed.ok) return json<ActionData>({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await addMember({ actor: viewer, bodyKey: body.key, input: parsed.data });
    if (result.status !== "ok") throw new Response(null, { status: 404 });
    return redirectWithFlash(here, "instances:flash.memberAdded");
  }

  const parsed = validateFormData(formData, MemberActionSchema);
  if (!parsed.ok) return json<ActionData>({ intent, errors: { form: "validation.invalidForm" }, values: {} }, { status: 400 });
  const memberId = parsed.data.memberId.toLowerCase();
  const result =
    intent === "remove" ? await removeMember({ actor: viewer, bodyKey: body.key, memberId }) : await moveMember({ actor: viewer, bodyKey: body.key, memberId, direction: intent });
  if (result.status === "not_found") return json<ActionData>({ intent, errors: { form: "instances:errors.memberNotFound" }, values: {} }, { status: 404 });
  return redirectWithFlash(here, intent === "remove" ? "instances:flash.memberRemoved" : "instances:flash.memberMoved");
}

function MemberButton({ intent, memberId, label, visible, danger }: { intent: "remove" | "up" | "down"; memberId: string; label: string; visible: string; danger?: boolean }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="memberId" value={memberId} />
      <button type="submit" className={`button button-small ${danger ? "button-danger" : "button-secondary"}`} aria-label={label}>
        {visible}
      </button>
    </Form>
  );
}

export default function InstanceMembersRoute() {
  const { body, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("instances");
  const addData = actionData?.intent === "add" ? actionData : undefined;
  const listErrors = actionData && actionData.intent !== "add" ? actionData.errors : {};
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(MemberSchema, addData);
  const labels = { name: t("members.name"), institution: t("members.institution") };
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.instances"), to: "/instances" },
          { label: body.name, to: `/instances/${body.key}`, lang: "fr" },
          { label: t("manage.members") },
        ]}
      />
      <h1>{t("members.title", { name: body.name })}</h1>
      <p className="lead">{t("members.intro")}</p>
      <p>
        <AppLink to={`/instances/${body.key}`}>{t("members.publicPage")}</AppLink>
      </p>

      <section className="section" aria-labelledby="list-title">
        <h2 id="list-title">{t("members.listTitle")}</h2>
        <ErrorSummary errors={listErrors} labels={{}} />
        {members.length === 0 ? (
          <p>{t("members.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("members.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t("members.position")}
                  </th>
                  <th scope="col">{t("members.name")}</th>
                  <th scope="col">{t("members.institutionColumn")}</th>
                  <th scope="col">{t("members.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  <tr key={m.id}>
                    <td className="numeric">{i + 1}</td>
                    <th scope="row">{m.name}</th>
                    <td>{m.institution || "—"}</td>
                    <td>
                      <div className="hero-actions">
                        {i > 0 ? <MemberButton intent="up" memberId={m.id} label={t("members.upLabel", { name: m.name })} visible={t("members.up")} /> : null}
                        {i < members.length - 1 ? <MemberButton intent="down" memberId={m.id} label={t("members.downLabel", { name: m.name })} visible={t("members.down")} /> : null}
                        <MemberButton intent="remove" memberId={m.id} label={t("members.removeLabel", { name: m.name })} visible={t("members.remove")} danger />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="add-title">
        <h2 id="add-title">{t("members.addTitle")}</h2>
        <Form method="post" noValidate onSubmit={onSubmit} className="form">
          <ErrorSummary errors={summaryErrors} labels={labels} />
          <input type="hidden" name="intent" value="add" />
          <TextField name="name" label={labels.name} error={errors.name} registration={register("name")} maxLength={MEMBER_NAME_MAX} autoComplete="off" />
          <TextField
            name="institution"
            label={labels.institution}
            error={errors.institution}
            registration={register("institution")}
            maxLength={MEMBER_INSTITUTION_MAX}
            autoComplete="off"
          />
          <div className="form-actions">
            <button type="submit" className="button">
              {t("members.add")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
