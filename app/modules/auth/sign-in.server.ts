import { findUserByEmail } from "./account-queries.server.ts";
import { burnPasswordCheck, verifyPassword } from "./password.server.ts";

export type SignInResult = { status: "ok"; userId: string; locale: string } | { status: "invalid" };

/** Checks an email and password. Unknown address, no password, wrong password: one answer, in the same time. */
export async function signInWithPassword(input: { email: string; password: string }): Promise<SignInResult> {
  const user = await findUserByEmail(input.email);
  if (!user?.passwordHash) {
    await burnPasswordCheck(input.password);
    return { status: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return { status: "invalid" };
  return { status: "ok", userId: user.id, locale: user.locale };
}
