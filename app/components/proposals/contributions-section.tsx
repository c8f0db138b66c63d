/**
 * The contributions of a proposal page: heading with the count, sort links, the thread (one page of
 * top-level contributions with their replies), paging, and the form to contribute.
 *
 * Usage (in the proposal page; the route's handle must list the "contributions" namespace):
 *   loader:  const view = parseContributionsView(new URL(request.url).searchParams);
 *            const contributions = await getContributionsSection({ proposalId, viewerId: viewer?.id ?? null, ...view });
 *            return json({ …, contributions, canContribute: can(viewer, "participation.write"), signedIn: Boolean(viewer) });
 *   JSX:     <ContributionsSection section={contributions} canContribute={canContribute} open={contributions.open} signedIn={signedIn} />
 * Everything works without JavaScript; errors of a plain post come back in the URL and are read here.
 */
import { Link, useFetchers, useLocation, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  contributionAnchor,
  contributionsUrl,
  NEW_FORM_ANCHOR,
  readReturnedFormState,
  SECTION_ANCHOR,
  type ContributionSort,
} from "#app/modules/contributions/contribution-params.ts";
import type { ContributionsSectionData } from "#app/modules/contributions/contribution-types.ts";
import { ContributionsEventsContext, type SavedEvent } from "./contribution-events.tsx";
import { ContributionForm } from "./contribution-form.tsx";
import { ContributionThreadView, type ThreadContext } from "./contribution-item.tsx";

export type ContributionsSectionProps = {
  section: ContributionsSectionData;
  /** can(viewer, "participation.write"): signed in with a confirmed email address. */
  canContribute: boolean;
  /** The proposal still takes contributions (open status, not hidden): getContributionsSection gives it as `open`. */
  open: boolean;
  /** Signed in (tells "sign in to contribute" from "confirm your email address first"). */
  signedIn?: boolean;
};

const SORTS: ContributionSort[] = ["date", "useful"];

export function ContributionsSection({ section, canContribute, open, signedIn = false }: ContributionsSectionProps) {
  const { t } = useTranslation("contributions");
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const returned = useMemo(() => readReturnedFormState(searchParams), [searchParams]);
  const view = { sort: section.sort, page: section.page };
  const context: ThreadContext = { proposalId: section.proposalId, view, canWrite: canContribute && open, canReport: signedIn, returned };

  // With JavaScript: once a form's answer is in, say what happened; once the page data is fresh again,
  // put the focus on the contribution (after moving to the page where it is, when it is not on this one).
  const [announcement, setAnnouncement] = useState("");
  const [pending, setPending] = useState<SavedEvent | null>(null);
  const fetchers = useFetchers();
  const navigation = useNavigation();
  const settled = navigation.state === "idle" && fetchers.every((f) => f.state === "idle");
  const saved = useCallback(
    (event: SavedEvent) => {
      setAnnouncement(t(`announce.${event.kind}`));
      setPending(event);
    },
    [t],
  );
  useEffect(() => {
    if (!pending) return;
    // A new contribution or reply being in the page means the data is fresh: focus it without waiting for
    // other requests of the page (a follow, a useful mark) to finish. An edited or deleted one is already
    // there before the refresh, which may replace its element: wait for the page to settle.
    const target = document.getElementById(contributionAnchor(pending.id));
    const fresh = pending.kind === "new" || pending.kind === "reply";
    if (target && (fresh || settled)) {
      target.focus();
      setPending(null);
      return;
    }
    if (!settled) return;
    if (pending.location) {
      setPending({ ...pending, location: undefined });
      navigate(pending.location);
    } else {
      setPending(null);
    }
  }, [pending, settled, section, navigate]);
  const events = useMemo(() => ({ saved }), [saved]);

  const here = location.pathname;
  return (
    <ContributionsEventsContext.Provider value={events}>
      <section id={SECTION_ANCHOR} className="contributions" aria-labelledby="contributions-title">
        <h2 id="contributions-title">{t("section.title", { count: section.total })}</h2>
        <p className="contributions-intro">
          {t("section.intro")}
          {open && canContribute && section.items.length ? (
            <>
              {" "}
              <a href={`#${NEW_FORM_ANCHOR}`}>{t("section.jumpToForm")}</a>
            </>
          ) : null}
        </p>

        {section.items.length > 1 || section.pageCount > 1 ? (
          <nav className="contributions-sort" aria-label={t("sort.label")}>
            <ul>
              {SORTS.map((sort) => (
                <li key={sort}>
                  <Link to={contributionsUrl(section.proposalId, { sort }, SECTION_ANCHOR)} aria-current={section.sort === sort ? "true" : undefined} preventScrollReset>
                    {t(`sort.${sort}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {/* A live region without role="status": the page's flash message keeps that role to itself. */}
        <p className="visually-hidden contributions-announcement" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>

        {section.items.length ? (
          <ol className="contribution-list">
            {section.items.map((item) => (
              <li key={item.id}>
                <ContributionThreadView item={item} context={context} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="notice">{open ? t("section.empty") : t("section.emptyClosed")}</p>
        )}

        {section.pageCount > 1 ? (
          <nav className="pagination contributions-pages" aria-label={t("pages.label")}>
            {section.page > 1 ? (
              <Link to={contributionsUrl(section.proposalId, { sort: section.sort, page: section.page - 1 })} rel="prev">
                {t("pages.previous")}
              </Link>
            ) : null}
            <span>{t("pages.current", { page: section.page, count: section.pageCount })}</span>
            {section.page < section.pageCount ? (
              <Link to={contributionsUrl(section.proposalId, { sort: section.sort, page: section.page + 1 })} rel="next">
                {t("pages.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}

        <div id={NEW_FORM_ANCHOR} className="contribution-new" tabIndex={-1}>
          <h3>{t("form.title")}</h3>
          {!open ? (
            <p className="notice">{t("section.closed")}</p>
          ) : canContribute ? (
            <ContributionForm key={section.proposalId} mode={{ kind: "new", proposalId: section.proposalId }} view={view} returned={returned?.form === "new" ? returned : null} />
          ) : signedIn ? (
            <p className="notice">
              {t("section.verifyFirst")} <Link to="/compte">{t("section.verifyLink")}</Link>
            </p>
          ) : (
            <p className="notice">
              <Link to={`/connexion?${new URLSearchParams({ redirectTo: `${here}#${NEW_FORM_ANCHOR}` })}`}>{t("section.signIn")}</Link> {t("section.signInAfter")}{" "}
              <Link to="/inscription">{t("section.signUp")}</Link>
            </p>
          )}
        </div>
      </section>
    </ContributionsEventsContext.Provider>
  );
}
