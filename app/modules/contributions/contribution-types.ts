/**
 * The contributions section's data: what getContributionsSection (contribution-queries.server.ts)
 * returns and the component renders. Plain JSON-ready data (dates as ISO strings); types only, so the
 * browser bundle can use them.
 */
import type { ContributionStance } from "#db/schema/proposals.ts";
import type { ContributionSort } from "./contribution-params.ts";

/** One contribution as the thread shows it. Deleted and hidden ones keep their place but lose their words. */
export type ContributionItem = {
  id: string;
  parentId: string | null;
  state: "visible" | "deleted" | "hidden";
  /** Why moderation hid it (a report reason), when it did and a case says why. */
  hiddenReason: string | null;
  /** The author's profile is hidden by moderation: shown as "Profil masqué", authorName is null. */
  authorHidden: boolean;
  /** Null unless visible: no read ever returns the words of a deleted or hidden contribution. */
  body: string | null;
  stance: ContributionStance | null;
  /** Null unless visible, or when the account no longer exists. */
  authorName: string | null;
  byProposalAuthor: boolean;
  own: boolean;
  usefulCount: number;
  markedUseful: boolean;
  createdAt: string;
  editedAt: string | null;
  /** Set when the viewer may still edit it (their own, in the 15-minute window, proposal open). */
  editableUntil: string | null;
};
export type ContributionThread = ContributionItem & { replies: ContributionItem[] };

/** Everything the contributions section shows: plain data, ready for a loader's JSON. */
export type ContributionsSectionData = {
  proposalId: string;
  /** The proposal's counter: contributions and replies that are not deleted. */
  total: number;
  /** Whether people may still contribute (proposal open and not hidden). */
  open: boolean;
  sort: ContributionSort;
  page: number;
  pageCount: number;
  items: ContributionThread[];
};
