import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { councilMembershipLabel, roleGrantLabel } from "#app/modules/roles/role-label.ts";
import { searchUsers } from "#app/modules/roles/role-queries.server.ts";
import { SEARCHABLE_ROLES, UserSearchSchema } from "#app/modules/roles/role.schema.ts";

const USERS_PATH = "/admin/utilisateurs";

export const handle = { i18n: ["admin"] };
export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "roles.manage");
  const params = new URL(request.url).searchParams;
  const search = UserSearchSchema.parse(Object.fromEntries(params));
  const [t, result] = await Promise.all([getFixedT(await getLocale(request), "admin"), searchUsers(search)]);
  return json({ title: t("users.list.title"), search: { q: search.q ?? "", role: search.role ?? "" }, ...result });
}

export default function UsersList() {
  const { search, users, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const pageLink = (target: number) => {
    const params = new URLSearchParams();
    if (search.q) params.set("q", search.q);
    if (search.role) params.set("role", search.role);
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `${USERS_PATH}?${query}` : USERS_PATH;
  };
  return (
    <>
      <h1>{t("users.list.title")}</h1>
      <p>{t("users.list.intro")}</p>

      <section aria-labelledby="search-title" className="card user-search">
        <h2 id="search-title">{t("users.list.searchTitle")}</h2>
        <Form method="get" action={USERS_PATH} className="form">
          <div className="search-fields">
            <TextField name="q" type="search" label={t("users.list.query")} hint={t("users.list.queryHint")} defaultValue={search.q} maxLength={100} autoComplete="off" />
            <SelectField name="role" label={t("users.list.role")} defaultValue={search.role}>
              <option value="">{t("users.list.anyRole")}</option>
              {SEARCHABLE_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`users.roles.${role}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t("users.list.submit")}
            </button>
            {search.q || search.role ? <Link to={USERS_PATH}>{t("users.list.reset")}</Link> : null}
          </div>
        </Form>
      </section>

      <p role="status" className="result-count">
        {t("users.list.count", { count: total })}
      </p>
      {users.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("users.list.caption", { page, pageCount })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.list.name")}</th>
                <th scope="col">{t("users.list.email")}</th>
                <th scope="col">{t("users.list.commune")}</th>
                <th scope="col">{t("users.list.roles")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link to={`${USERS_PATH}/${user.id}`}>{user.displayName}</Link>
                  </th>
                  <td className="break-anywhere">{user.email}</td>
                  <td>{user.communeName ?? t("users.list.none")}</td>
                  <td>
                    <ul className="tag-list">
                      {user.roles.length || user.councils.length ? (
                        <>
                          {user.roles.map((grant) => (
                            <li key={grant.id} className="tag">
                              {roleGrantLabel(t, grant)}
                            </li>
                          ))}
                          {user.councils.map((membership) => (
                            <li key={membership.councilCode} className="tag">
                              {councilMembershipLabel(t, membership)}
                            </li>
                          ))}
                        </>
                      ) : (
                        <li className="tag tag-muted">{t("users.roles.resident")}</li>
                      )}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="notice">{t("users.list.noResults")}</p>
      )}

      {pageCount > 1 ? (
        <nav aria-label={t("users.list.pagination")} className="pagination">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} rel="prev">
              {t("users.list.previous")}
            </Link>
          ) : null}
          <span>{t("users.list.pageOf", { page, pageCount })}</span>
          {page < pageCount ? (
            <Link to={pageLink(page + 1)} rel="next">
              {t("users.list.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
