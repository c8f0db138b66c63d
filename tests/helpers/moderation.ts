/** Shared by the moderation tests: people with their viewer, and a reported contribution. */
import { db } from "#app/db.server.ts";
import type { Role } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";

export async function person(displayName: string, role?: Role) {
  const user = await insertUser(db, { password: null, displayName, roles: role ? [{ role }] : [] });
  return { ...user, viewer: { id: user.id, emailVerified: true, roles: role ? [{ role, communeSlug: null, quartierCode: null }] : [] } };
}

/** A published proposal in a quartier, and a contribution on it by another person. */
export async function contributionByAuthor() {
  const author = await person("Autrice");
  const proposalAuthor = await person("Porteur");
  const proposal = await insertProposal(db, { authorId: proposalAuthor.id, quartierCode: "QP062024" });
  const contribution = await insertContribution(db, { proposalId: proposal.id, authorId: author.id, body: "Des mots qui fâchent." });
  return { author, proposal, contribution };
}
