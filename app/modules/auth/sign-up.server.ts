import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { db } from "#app/db.server.ts";
import { appUrl } from "#app/env.server.ts";
import { acceptCharter } from "#app/modules/charter/accept-charter.server.ts";
import { queueEmail } from "#app/modules/email/send-email.server.ts";
import { users } from "#db/schema/index.ts";
import { checkPlaces, findUserByEmail } from "./account-queries.server.ts";
import type { SignUpSchema } from "./auth.schema.ts";
import { issueAuthToken } from "./auth-tokens.server.ts";
import { hashPassword } from "./password.server.ts";

/** The form's fields; the charter box was ticked (the schema requires it), so the account accepts the charter in force. */
export type SignUpInput = Omit<z.infer<typeof SignUpSchema>, "website" | "charter">;
export type SignUpResult = { status: "created"; userId: string } | { status: "exists" } | { status: "invalid"; errors: Record<string, string> };

/**
 * Creates the account and emails the verification link. When the address already has an account nothing
 * is created and its owner is told by email; the caller answers the visitor the same way in both cases.
 */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const errors = await checkPlaces(input);
  if (Object.keys(errors).length) return { status: "invalid", errors };
  // Hashed in every case, so the answer takes as long whether the account exists or not.
  const passwordHash = await hashPassword(input.password);

  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        id: randomUUID(),
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        communeSlug: input.communeSlug,
        quartierCode: input.quartierCode,
        locale: input.locale,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!user) return null;
    await acceptCharter(user.id, tx);
    return { userId: user.id, url: await issueAuthToken(tx, user.id, "email_verification") };
  });

  if (created) {
    await queueEmail({ to: input.email, locale: input.locale, template: "verify-email", data: { displayName: input.displayName, url: created.url } });
    return { status: "created", userId: created.userId };
  }

  const owner = await findUserByEmail(input.email);
  if (owner) {
    await queueEmail({
      to: owner.email,
      locale: owner.locale,
      template: "sign-up-attempt",
      data: { displayName: owner.displayName, signInUrl: `${appUrl}/connexion`, resetUrl: `${appUrl}/mot-de-passe-oublie` },
    });
  }
  return { status: "exists" };
}
