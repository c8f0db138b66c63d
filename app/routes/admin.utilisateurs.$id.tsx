import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { ErrorSummary, SelectField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { ROLE_SCOPE } from "#app/modules/auth/permissions.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { listCommunes } from "#app/modules/referential/referential-queries.server.ts";
import { grantRole } from "#app/modules/roles/grant-role.server.ts";
import { revokeRole } from "#app/modules/roles/revoke-role.server.ts";
import { councilMembershipLabel, roleGrantLabel } from "#app/modules/roles/role-label.ts";
import { getUserWithRoles, userExists } from "#app/modules/roles/role-queries.server.ts";
import { GRANTABLE_ROLES, GrantRoleSchema, RevokeRoleSchema } from "#app/modules/roles/role.schema.ts";
import { dateFormat } from "#app/components/dates.ts";

export const handle = { i18n: ["admin"] };
export const meta = pageMeta;

const notFound = () => new Response(null, { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "roles.manage");
  const user = await getUserWithRoles(params.id ?? "");
  if (!user) throw notFound();
  const [t, communes] = await Promise.all([getFixedT(await getLocale(request), "admin"), listCommunes()]);
  return json({ title: t("users.detail.title", { name: user.displayName }), user, communes });
}

type GrantActionData = { intent: "grant"; errors: Record<string, string>; values: Record<string, string> };
type RevokeActionData = { intent: "revoke"; grantId: string; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "roles.manage");
  const userId = params.id ?? "";
  if (!(await userExists(userId))) throw notFound();
  const page = `/admin/utilisateurs/${userId}`;
  const formData = await request.formData().catch(() => null);
  const intent = formData?.get("intent");

  if (formData && intent === "revoke") {
    const parsed = validateFormData(formData, RevokeRoleSchema);
    if (!parsed.ok) return json<RevokeActionData>({ intent: "revoke", grantId: "", error: "common:validation.invalidForm" }, { status: 400 });
    const result = await revokeRole({ actorId: viewer.id, userId, grantId: parsed.data.grantId });
    switch (result.status) {
      case "ok":
        // Someone who just gave up their own administrator role may no longer see this page.
        if (userId === viewer.id && result.role === "administrator") return redirectWithFlash("/", "admin:users.flash.revokedOwnAdministrator");
        return redirectWithFlash(page, "admin:users.flash.revoked");
      case "not_found":
        return redirectWithFlash(page, "admin:users.flash.alreadyRevoked");
      case "last_administrator":
        return json<RevokeActionData>({ intent: "revoke", grantId: parsed.data.grantId, error: "admin:users.validation.lastAdministrator" }, { status: 409 });
    }
  }

  if (formData && intent === "grant") {
    const parsed = validateFormData(formData, GrantRoleSchema);
    if (!parsed.ok) return json<GrantActionData>({ intent: "grant", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await grantRole({ actorId: viewer.id, userId, input: parsed.data });
    switch (result.status) {
      case "ok":
        return redirectWithFlash(page, "admin:users.flash.granted");
      case "already_granted":
        return redirectWithFlash(page, "admin:users.flash.alreadyGranted");
      case "unknown_scope":
        return json<GrantActionData>({ intent: "grant", errors: { communeSlug: "admin:users.validation.unknownCommune" }, values: parsed.values }, { status: 400 });
      case "not_found":
        throw notFound();
    }
  }

  return json<GrantActionData>({ intent: "grant", errors: { form: formData ? "admin:users.validation.unknownIntent" : "validation.invalidForm" }, values: {} }, { status: 400 });
}

export default function UserRoles() {
  const { user, communes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin");
  const grantState = actionData?.intent === "grant" ? actionData : undefined;
  const revokeState = actionData?.intent === "revoke" ? actionData : undefined;
  const dates = dateFormat(i18n.language, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

  return (
    <>
      <Breadcrumb
        label={t("users.detail.breadcrumb")}
        items={[{ label: t("nav.label"), to: "/admin" }, { label: t("users.detail.back"), to: "/admin/utilisateurs" }, { label: user.displayName }]}
      />
      <h1>{user.displayName}</h1>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("users.detail.profileTitle")}</h2>
        <dl className="profile-facts">
          <div>
            <dt>{t("users.detail.email")}</dt>
            <dd className="break-anywhere">{user.email}</dd>
          </div>
          <div>
            <dt>{t("users.detail.commune")}</dt>
            <dd>{user.communeName ?? t("users.detail.notSet")}</dd>
          </div>
          <div>
            <dt>{t("users.detail.quartier")}</dt>
            <dd>{user.quartierName ?? t("users.detail.notSet")}</dd>
          </div>
          <div>
            <dt>{t("users.detail.createdAt")}</dt>
            <dd>{dates.format(new Date(user.createdAt))}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t("users.detail.rolesTitle")}</h2>
        <p>{t("users.detail.rolesIntro")}</p>
        {revokeState ? (
          <p className="notice notice-error" role="alert">
            {t(revokeState.error as never)}
          </p>
        ) : null}
        {user.roles.length ? (
          <ul className="grant-list" aria-label={t("users.detail.rolesCaption", { name: user.displayName })}>
            {user.roles.map((grant) => {
              const label = roleGrantLabel(t, grant);
              return (
                <li key={grant.id}>
                  <strong>{label}</strong>
                  {/* A disclosure asks for confirmation, with or without JavaScript. */}
                  <details className="confirm" open={revokeState?.grantId === grant.id || undefined}>
                    <summary>
                      {t("users.detail.revoke")}
                      <span className="visually-hidden"> {label}</span>
                    </summary>
                    <p>{t("users.detail.revokeConfirm", { role: label, name: user.displayName })}</p>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="grantId" value={grant.id} />
                      <button type="submit" className="button button-danger button-small">
                        {t("users.detail.revokeSubmit")}
                      </button>
                    </Form>
                  </details>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="notice">{t("users.detail.noRoles")}</p>
        )}
      </section>

      <section aria-labelledby="councils-title">
        <h2 id="councils-title">{t("users.detail.councilsTitle")}</h2>
        <p>{t("users.detail.councilsIntro")}</p>
        {user.councils.length ? (
          <ul className="grant-list">
            {user.councils.map((membership) => (
              <li key={membership.councilCode}>
                <strong>{councilMembershipLabel(t, membership)}</strong>{" "}
                <Link to={`/conseils-citoyens/${membership.councilCode}/gestion`}>
                  {t("users.detail.councilManage")}
                  <span className="visually-hidden"> {membership.councilName}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="notice">{t("users.detail.noCouncils")}</p>
        )}
      </section>

      <GrantForm key={user.roles.map((g) => g.id).join()} server={grantState} communes={communes} />
    </>
  );
}

function GrantForm({ server, communes }: { server: { errors: Record<string, string>; values: Record<string, string> } | undefined; communes: { slug: string; name: string }[] }) {
  const { t } = useTranslation("admin");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(GrantRoleSchema, server);
  // react-hook-form applies its default values only once hydrated: the server-rendered fields carry
  // them too, so a form sent back without JavaScript keeps what was chosen.
  const [role, setRole] = useState(server?.values.role ?? "");
  // Without JavaScript the commune field always shows (the server ignores it for a role that takes no
  // commune); with it, only when the chosen role needs one.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const roleField = register("role");
  const scope = ROLE_SCOPE[role as keyof typeof ROLE_SCOPE];
  const showCommune = !hydrated || scope === "commune" || Boolean(errors.communeSlug);
  const labels = { role: t("users.grant.role"), communeSlug: t("users.grant.commune") };

  return (
    <section aria-labelledby="grant-title">
      <h2 id="grant-title">{t("users.grant.title")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="intent" value="grant" />
        <SelectField
          name="role"
          label={labels.role}
          error={errors.role}
          required
          defaultValue={server?.values.role ?? ""}
          registration={{
            ...roleField,
            onChange: (event) => {
              setRole(event.target.value);
              return roleField.onChange(event);
            },
          }}
        >
          <option value="">{t("users.grant.rolePlaceholder")}</option>
          {GRANTABLE_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`users.roles.${r}`)}
            </option>
          ))}
        </SelectField>
        {showCommune ? (
          <SelectField name="communeSlug" label={labels.communeSlug} hint={t("users.grant.communeHint")} error={errors.communeSlug} defaultValue={server?.values.communeSlug ?? ""} registration={register("communeSlug")}>
            <option value="">{t("users.grant.communePlaceholder")}</option>
            {communes.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button">
            {t("users.grant.submit")}
          </button>
        </div>
      </Form>
      <details className="role-help">
        <summary>{t("users.roleHelp.title")}</summary>
        <dl>
          {GRANTABLE_ROLES.map((r) => (
            <div key={r}>
              <dt>{t(`users.roles.${r}`)}</dt>
              <dd>{t(`users.roleHelp.${r}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
