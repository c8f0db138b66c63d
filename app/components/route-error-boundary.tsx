import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export const KNOWN_ERROR_STATUSES = [400, 403, 404, 405, 413, 429, 500, 503] as const;
const KNOWN = new Set<number>(KNOWN_ERROR_STATUSES);

/** One translated error page for every route; the status decides the words. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = KNOWN.has(status) ? String(status) : status >= 500 ? "500" : "400";
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="eyebrow">{t("errors.code", { status })}</p>
      <h1 id="error-title">{t(`errors.${key}.title` as never)}</h1>
      <p>{t(`errors.${key}.text` as never)}</p>
      <p>
        <Link to="/" className="button">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
