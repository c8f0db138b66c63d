/** The proposal page's address: one place for every link, redirect and email that points at it. */
export function proposalPath(proposalId: string) {
  return `/propositions/${proposalId}`;
}
