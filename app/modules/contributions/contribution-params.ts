/**
 * The contributions thread in URLs, and what the resource routes answer. Pure: the proposal page's
 * loader, the resource routes and the component all read and build the same addresses with it.
 *
 * View (shareable links): `?tri=date|utiles&page=N#contributions`.
 *
 * The no-JavaScript error contract. A plain form post that fails cannot be answered with the page
 * (the proposal page belongs to another route), so the resource route redirects back to it with:
 *   contribution_error = a short error key (CONTRIBUTION_ERRORS below; anything else is ignored)
 *   contribution_form = which form it was: "new", "reply-<parent id>", "edit-<contribution id>", or
 *                       "item-<contribution id>" (its « Utile » button)
 *   draft             = the text typed, cut so the address stays short (DRAFT_MAX_ENCODED)
 *   draft_cut         = "1" when the draft had to be cut
 *   stance            = the stance chosen, if any
 * plus the view (tri, page) the person was on, and a fragment that brings them back to the form:
 * #contribuer (new), #repondre-<parent id> (reply), #contribution-<id> (edit, item).
 * The section reads these parameters itself (useSearchParams): the page has nothing to do.
 */
import { BROKEN_TEXT_MESSAGE } from "#app/modules/forms/text.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import { BODY_MAX, STANCES } from "./contribution.schema.ts";

export const PAGE_SIZE = 50;
/** A deeper page number reads as this one: offsets stay cheap (200 × 50 top-level contributions is far beyond any real thread). */
export const MAX_PAGE = 200;
export const EDIT_WINDOW_MINUTES = 15;
export const EDIT_WINDOW_MS = EDIT_WINDOW_MINUTES * 60 * 1000;

export const CONTRIBUTION_SORTS = ["date", "useful"] as const;
export type ContributionSort = (typeof CONTRIBUTION_SORTS)[number];
/** The French words of the URL for each sort. */
export const SORT_PARAM: Record<ContributionSort, string> = { date: "date", useful: "utiles" };

export type ContributionsView = { sort: ContributionSort; page: number };

/**
 * Reads ?tri= and ?page= (from the URL, or from the hidden fields of a form that sends the person back
 * to their view); anything odd falls back to the default view (never an error).
 */
export function parseContributionsView(params: { get(name: string): unknown }): ContributionsView {
  const sort = params.get("tri") === SORT_PARAM.useful ? "useful" : "date";
  const page = params.get("page");
  const rawPage = typeof page === "string" ? page : "";
  return { sort, page: /^[1-9]\d{0,3}$/.test(rawPage) ? Math.min(Number(rawPage), MAX_PAGE) : 1 };
}

/** The query string of a view, without the defaults: "", "?tri=utiles", "?page=2", "?tri=utiles&page=2". */
export function viewSearch(view: Partial<ContributionsView>, extra: [string, string][] = []) {
  const params = new URLSearchParams();
  if (view.sort && view.sort !== "date") params.set("tri", SORT_PARAM[view.sort]);
  if (view.page && view.page > 1) params.set("page", String(view.page));
  for (const [key, value] of extra) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}


/** The proposal page at a view, with a fragment (without "#"). */
export function contributionsUrl(proposalId: string, view: Partial<ContributionsView>, fragment = "contributions") {
  return `${proposalPath(proposalId)}${viewSearch(view)}#${fragment}`;
}

export const contributionAnchor = (id: string) => `contribution-${id}`;
export const replyAnchor = (parentId: string) => `repondre-${parentId}`;
export const NEW_FORM_ANCHOR = "contribuer";
export const SECTION_ANCHOR = "contributions";

// ---------------------------------------------------------------------------------------------------
// Errors

/** Each error a form can get, the field it belongs to, and its message (in the contributions namespace). */
export const CONTRIBUTION_ERRORS = {
  bodyRequired: "body",
  bodyTooShort: "body",
  bodyTooLong: "body",
  stanceInvalid: "stance",
  parentUnavailable: "form",
  duplicate: "body",
  closed: "form",
  tooLate: "form",
  unavailable: "form",
  rateLimited: "form",
  invalidForm: "form",
  suspended: "form",
  charter: "form",
  unverified: "form",
  repeated: "body",
  tooManyLinks: "body",
  brokenText: "body",
} as const satisfies Record<string, "body" | "stance" | "form">;
export type ContributionErrorKey = keyof typeof CONTRIBUTION_ERRORS;
export type ContributionErrorField = (typeof CONTRIBUTION_ERRORS)[ContributionErrorKey];

export const errorMessage = (key: ContributionErrorKey) => `contributions:errors.${key}`;

export function isContributionErrorKey(value: unknown): value is ContributionErrorKey {
  return typeof value === "string" && Object.hasOwn(CONTRIBUTION_ERRORS, value);
}

/** A zod message ("contributions:errors.bodyTooShort") back to its short key; anything else is a form error. */
export function errorKeyOf(message: string | undefined): ContributionErrorKey {
  if (message === BROKEN_TEXT_MESSAGE) return "brokenText";
  const key = message?.replace(/^contributions:errors\./, "");
  return isContributionErrorKey(key) ? key : "invalidForm";
}

/** Errors by field, as the fetcher answer and the forms use them: { body: "contributions:errors.duplicate" }. */
export function fieldErrors(keys: ContributionErrorKey[]): Partial<Record<ContributionErrorField, string>> {
  const errors: Partial<Record<ContributionErrorField, string>> = {};
  for (const key of keys) errors[CONTRIBUTION_ERRORS[key]] ??= errorMessage(key);
  return errors;
}

/** Which form an error belongs to: the new one, a reply form, an edit form, or a contribution's buttons (useful). */
export type ContributionFormId = "new" | `reply-${string}` | `edit-${string}` | `item-${string}`;

export function parseFormId(value: string | null): ContributionFormId | null {
  if (value === "new") return "new";
  const match = value?.match(/^(reply|edit|item)-(.+)$/);
  return match && isUuid(match[2]) ? (`${match[1] as "reply" | "edit" | "item"}-${match[2]!}` as ContributionFormId) : null;
}

/** The fragment that brings the person back to a form. */
export function formAnchor(form: ContributionFormId) {
  if (form === "new") return NEW_FORM_ANCHOR;
  const [kind, ...rest] = form.split("-");
  const id = rest.join("-");
  return kind === "reply" ? replyAnchor(id) : contributionAnchor(id);
}

/** The address stays well under the 8 KB request line most proxies accept. */
export const DRAFT_MAX_ENCODED = 6000;

/** The longest start of `text` whose URL encoding fits in `budget` characters. */
export function cutDraft(text: string, budget = DRAFT_MAX_ENCODED): { draft: string; cut: boolean } {
  const capped = Array.from(text).slice(0, BODY_MAX).join("");
  if (encodeURIComponent(capped).length <= budget && capped.length === text.length) return { draft: capped, cut: false };
  let used = 0;
  let draft = "";
  for (const char of capped) {
    const size = encodeURIComponent(char).length;
    if (used + size > budget) break;
    used += size;
    draft += char;
  }
  return { draft, cut: true };
}

/**
 * Where a failed plain form post sends the person back: their view of the proposal page with the error,
 * what they typed, and the fragment of the form.
 */
export function errorRedirectUrl({
  proposalId,
  view,
  form,
  error,
  body,
  stance,
}: {
  proposalId: string;
  view: ContributionsView;
  form: ContributionFormId;
  error: ContributionErrorKey;
  body?: string;
  stance?: string | null;
}) {
  const extra: [string, string][] = [
    ["contribution_error", error],
    ["contribution_form", form],
  ];
  if (body) {
    const { draft, cut } = cutDraft(body);
    extra.push(["draft", draft]);
    if (cut) extra.push(["draft_cut", "1"]);
  }
  if (stance && (STANCES as readonly string[]).includes(stance)) extra.push(["stance", stance]);
  return `${proposalPath(proposalId)}${viewSearch(view, extra)}#${formAnchor(form)}`;
}

/** What the section finds in the URL after a failed plain post, for the form it belongs to. */
export type ReturnedFormState = {
  form: ContributionFormId;
  error: ContributionErrorKey;
  errors: Partial<Record<ContributionErrorField, string>>;
  values: { body: string; stance: string };
  cut: boolean;
};

export function readReturnedFormState(params: URLSearchParams): ReturnedFormState | null {
  const error = params.get("contribution_error");
  const form = parseFormId(params.get("contribution_form")) ?? "new";
  if (!isContributionErrorKey(error)) return null;
  const stance = params.get("stance") ?? "";
  return {
    form,
    error,
    errors: fieldErrors([error]),
    values: { body: (params.get("draft") ?? "").slice(0, BODY_MAX * 2), stance: (STANCES as readonly string[]).includes(stance) ? stance : "" },
    cut: params.get("draft_cut") === "1",
  };
}

// ---------------------------------------------------------------------------------------------------
// What the resource routes answer to a fetcher (a form posted with JavaScript, see <JsMarker/>).

export type ContributionFailure = {
  status: "error";
  errors: Partial<Record<ContributionErrorField, string>>;
  values: Record<string, string>;
};
export type AddContributionAnswer = { status: "ok"; id: string; location: string } | ContributionFailure;
export type ContributionActionAnswer =
  | { status: "ok"; intent: "edit" | "delete"; id: string }
  | { status: "ok"; intent: "useful" | "unuseful"; id: string; usefulCount: number; marked: boolean }
  | ContributionFailure;
