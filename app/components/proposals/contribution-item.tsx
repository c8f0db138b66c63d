import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { dateFormat, formatDateTime } from "#app/components/dates.ts";
import { JsMarker } from "#app/components/js-marker.tsx";
import { ReportDisclosure } from "#app/components/moderation/report-form.tsx";
import { hiddenReasonText } from "#app/components/hidden-content.ts";
import { RichText } from "#app/components/rich-text.tsx";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { contributionAnchor, replyAnchor, type ContributionActionAnswer, type ContributionsView, type ReturnedFormState } from "#app/modules/contributions/contribution-params.ts";
import type { ContributionItem, ContributionThread } from "#app/modules/contributions/contribution-types.ts";
import { useContributionsEvents } from "./contribution-events.tsx";
import { ContributionForm, ViewFields } from "./contribution-form.tsx";
import { UsefulToggle } from "./contribution-useful-button.tsx";

export type ThreadContext = {
  proposalId: string;
  view: ContributionsView;
  /** The viewer may write (signed in, verified) and the proposal is open. */
  canWrite: boolean;
  /** The viewer is signed in: they may report others' contributions. */
  canReport: boolean;
  /** What a plain form post sent back (error, typed text), for the form it belongs to. */
  returned: ReturnedFormState | null;
};

/** A top-level contribution with its replies (one level) and the form to answer it. */
export function ContributionThreadView({ item, context }: { item: ContributionThread; context: ThreadContext }) {
  const { t } = useTranslation("contributions");
  const replyFormId = `reply-${item.id}`;
  const canReply = context.canWrite && item.state === "visible";
  const author = item.authorHidden ? t("moderation:hidden.profile") : (item.authorName ?? t("item.formerAccount"));
  return (
    <ContributionArticle item={item} context={context} level={3}>
      {item.replies.length ? (
        <ol className="contribution-replies" aria-label={t("item.repliesLabel", { count: item.replies.length })}>
          {item.replies.map((reply) => (
            <li key={reply.id}>
              <ContributionArticle item={reply} context={context} level={4} />
            </li>
          ))}
        </ol>
      ) : null}
      {canReply ? (
        <Disclosure id={replyAnchor(item.id)} className="contribution-reply" open={context.returned?.form === replyFormId} summary={<>{t("item.reply")}<span className="visually-hidden">{t("item.replyTo", { name: author })}</span></>}>
          {(close) => <ContributionForm mode={{ kind: "reply", proposalId: context.proposalId, parentId: item.id, parentAuthor: author }} view={context.view} returned={context.returned?.form === replyFormId ? context.returned : null} onSaved={close} />}
        </Disclosure>
      ) : null}
    </ContributionArticle>
  );
}

function ContributionArticle({ item, context, level, children }: { item: ContributionItem; context: ThreadContext; level: 3 | 4; children?: ReactNode }) {
  const { t, i18n } = useTranslation("contributions");
  const { t: tm } = useTranslation("moderation");
  const anchor = contributionAnchor(item.id);
  const titleId = `${anchor}-title`;
  const Heading = level === 3 ? "h3" : "h4";
  const isReply = item.parentId !== null;

  if (item.state !== "visible") {
    return (
      <article id={anchor} tabIndex={-1} className={`contribution contribution-removed${isReply ? " contribution-is-reply" : ""}`} aria-labelledby={titleId}>
        <p id={titleId} className="contribution-removed-text">
          {item.state === "deleted" ? t("item.deleted") : t("item.hidden")}
        </p>
        {item.state === "hidden" ? <p className="contribution-removed-text">{hiddenReasonText(t as never, item.hiddenReason)}</p> : null}
        {children}
      </article>
    );
  }

  const author = item.authorHidden ? t("moderation:hidden.profile") : (item.authorName ?? t("item.formerAccount"));
  const editFormId = `edit-${item.id}`;
  const itemError = context.returned?.form === `item-${item.id}` ? context.returned.errors.form : undefined;
  const timeFormat = dateFormat(i18n.language, { timeStyle: "short", timeZone: "Europe/Paris" });
  return (
    <article id={anchor} tabIndex={-1} className={`contribution${isReply ? " contribution-is-reply" : ""}`} aria-labelledby={titleId}>
      <header className="contribution-header">
        <Heading id={titleId} className="contribution-author">
          {author}
        </Heading>
        {item.byProposalAuthor ? <span className="tag tag-author">{t("item.proposalAuthor")}</span> : null}
        {item.stance ? (
          <span className={`tag stance stance-${item.stance}`}>
            <span className="visually-hidden">{t("item.stancePrefix")} </span>
            {t(`stance.${item.stance}`)}
          </span>
        ) : null}
        <p className="contribution-meta">
          <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
          {item.editedAt ? (
            <>
              {" · "}
              <span title={formatDateTime(item.editedAt, i18n.language)}>{t("item.edited")}</span>
            </>
          ) : null}
        </p>
      </header>
      <div className="contribution-body">{item.body ? <RichText text={item.body} /> : null}</div>
      <div className="contribution-actions">
        <UsefulToggle id={item.id} count={item.usefulCount} marked={item.markedUseful} canMark={context.canWrite && !item.own} authorName={author} view={context.view} />
        {item.editableUntil ? (
          <Disclosure className="contribution-edit" open={context.returned?.form === editFormId} summary={<>{t("item.edit")}<span className="visually-hidden">{t("item.editContext")}</span></>}>
            {(close) => (
              <>
                <p className="field-hint">{t("item.editUntil", { time: timeFormat.format(new Date(item.editableUntil!)) })}</p>
                <ContributionForm
                  mode={{ kind: "edit", contributionId: item.id, body: item.body ?? "", stance: item.stance ?? "", isReply }}
                  view={context.view}
                  returned={context.returned?.form === editFormId ? context.returned : null}
                  onSaved={close}
                />
              </>
            )}
          </Disclosure>
        ) : null}
        {item.own ? <DeleteConfirm id={item.id} view={context.view} /> : null}
        {context.canReport && !item.own ? (
          <ReportDisclosure
            subjectType="contribution"
            subjectId={item.id}
            redirectTo={`${proposalPath(context.proposalId)}#${anchor}`}
            summary={
              <>
                {tm("report.summary")}
                <span className="visually-hidden">{tm("report.contributionContext", { name: author })}</span>
              </>
            }
          />
        ) : null}
      </div>
      {context.returned?.form === editFormId && !item.editableUntil ? (
        <p className="notice notice-error" role="alert">
          {t(context.returned.errors.form ?? context.returned.errors.body ?? "contributions:errors.tooLate")}
        </p>
      ) : null}
      {itemError ? (
        <p className="notice notice-error" role="alert">
          {t(itemError as never)}
        </p>
      ) : null}
      {children}
    </article>
  );
}

/** A <details> that its content can close (after a successful save). Works without JavaScript. */
function Disclosure({ id, className, open, summary, children }: { id?: string; className: string; open: boolean; summary: ReactNode; children: (close: () => void) => ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const close = useCallback(() => {
    if (ref.current) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} id={id} className={className} open={open || undefined}>
      <summary>{summary}</summary>
      {children(close)}
    </details>
  );
}

function DeleteConfirm({ id, view }: { id: string; view: ContributionsView }) {
  const { t } = useTranslation("contributions");
  const fetcher = useFetcher<ContributionActionAnswer>();
  const events = useContributionsEvents();
  const handled = useRef<unknown>(null);
  // Seen while the page data reloads: once it has, this part is gone (the contribution shows « supprimée »).
  useEffect(() => {
    if (!fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    if (fetcher.data.status === "ok") events.saved({ kind: "delete", id });
  }, [fetcher.data, events, id]);
  return (
    <details className="confirm contribution-delete">
      <summary>
        {t("item.delete")}
        <span className="visually-hidden">{t("item.deleteContext")}</span>
      </summary>
      <p>{t("item.deleteConfirm")}</p>
      <fetcher.Form method="post" action={`/contributions/${id}`}>
        <JsMarker />
        <ViewFields view={view} />
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button button-danger button-small" disabled={fetcher.state !== "idle"}>
          {t("item.deleteSubmit")}
        </button>
      </fetcher.Form>
    </details>
  );
}
