import { json, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { qrCodeDataUrl, registrationUrl } from "#app/modules/labo-registrations/invitation-kit.server.ts";
import { sessionPlace, sessionWhen } from "#app/modules/labo-registrations/registration-rules.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";
import flyerStyles from "#app/styles/labo-flyer.css";
import { LaboFacts } from "#app/components/labo/labo-facts.tsx";

export const handle = { i18n: ["laboRegistrations"] };
export const meta = pageMeta;
// Only this page prints as A5.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: flyerStyles }];

/**
 * The invitation kit, for the people who run the session: an A5 flyer to print (its QR code leads to the
 * registration page) and a ready-made message for WhatsApp or SMS.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { session } = await requireSessionRunner(request, params.id);
  const locale = await getLocale(request);
  const t = await getFixedT(locale, "laboRegistrations");
  const url = registrationUrl(session.id);
  const when = sessionWhen(session, locale);
  const place = sessionPlace(session);
  return json({
    title: t("invitation.title", { title: session.title }),
    session: { id: session.id, title: session.title, when, place, accessInfo: session.accessInfo, accessibilityInfo: session.accessibilityInfo },
    url,
    qrCode: await qrCodeDataUrl(url),
    message: t("invitation.message", { title: session.title, when, place, url }),
  });
}

/** Client-only buttons: rendered once JavaScript runs, so a page without it offers no dead button. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export default function InvitationKitRoute() {
  const { session, url, qrCode, message } = useLoaderData<typeof loader>();
  const { t } = useTranslation("laboRegistrations");
  const hydrated = useHydrated();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");

  async function copyMessage() {
    try {
      await navigator.clipboard.writeText(message);
      setCopy("copied");
    } catch {
      textRef.current?.select();
      setCopy("failed");
    }
  }

  return (
    <div className="labo-invitation">
      <div className="invitation-screen">
        <Breadcrumb
          label={t("breadcrumb.label")}
          items={[
            { label: t("breadcrumb.home"), to: "/" },
            { label: t("breadcrumb.labo"), to: "/labo" },
            { label: session.title, to: `/labo/${session.id}` },
            { label: t("breadcrumb.invitation") },
          ]}
        />
        <h1>{t("invitation.heading")}</h1>
        <p className="lead">{t("invitation.intro")}</p>
        <h2 id="flyer-title">{t("invitation.flyerTitle")}</h2>
        <div className="invitation-actions">
          {hydrated ? (
            <button type="button" className="button" onClick={() => window.print()}>
              {t("invitation.print")}
            </button>
          ) : (
            <p>{t("invitation.printNoJs")}</p>
          )}
        </div>
      </div>

      <article className="flyer" aria-labelledby="flyer-heading">
        <p className="flyer-kicker">{t("invitation.flyerKicker")}</p>
        <h2 id="flyer-heading">{session.title}</h2>
        <p className="flyer-text">{t("invitation.flyerText")}</p>
        <LaboFacts
          className="flyer-facts"
          facts={[
            { label: t("invitation.flyerWhen"), value: session.when },
            { label: t("invitation.flyerWhere"), value: session.place },
            { label: t("invitation.flyerAccess"), value: session.accessInfo },
            { label: t("invitation.flyerAccessibility"), value: session.accessibilityInfo },
          ]}
        />
        <div className="flyer-register">
          <img src={qrCode} alt={t("invitation.qrAlt", { url })} width={128} height={128} />
          <div>
            <p>
              <strong>{t("invitation.flyerScan")}</strong>
            </p>
            <p>
              {t("invitation.flyerOrVisit")} <span className="flyer-url">{url}</span>
            </p>
          </div>
        </div>
        <p className="flyer-footer">{t("invitation.flyerFooter")}</p>
      </article>

      <section className="invitation-screen invitation-message" aria-labelledby="message-title">
        <h2 id="message-title">{t("invitation.messageTitle")}</h2>
        <div className="field">
          <label htmlFor="message">{t("invitation.messageLabel")}</label>
          <p id="message-hint" className="field-hint">
            {t("invitation.messageHint")}
          </p>
          <textarea id="message" ref={textRef} readOnly value={message} aria-describedby="message-hint" onFocus={(e) => e.currentTarget.select()} />
        </div>
        <div className="invitation-actions">
          {hydrated ? (
            <button type="button" className="button button-secondary" onClick={() => void copyMessage()}>
              {t("invitation.copy")}
            </button>
          ) : null}
          <a className="button button-secondary" href={`https://wa.me/?text=${encodeURIComponent(message)}`} rel="noopener noreferrer">
            {t("invitation.whatsapp")}
          </a>
          <p role="status" className={copy === "failed" ? "field-error" : undefined}>
            {copy === "copied" ? t("invitation.copied") : copy === "failed" ? t("invitation.copyFailed") : ""}
          </p>
        </div>
        <p>
          <Link to={`/labo/${session.id}/inscription`}>{t("breadcrumb.registration")}</Link>
        </p>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
