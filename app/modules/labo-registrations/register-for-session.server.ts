import { and, count, eq, ne, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { laboRegistrations, laboSessions } from "#db/schema/index.ts";
import type { GuestRegistrationInput } from "./registration.schema.ts";
import { emailableRecipients, sendRegistrationEmail } from "./registration-emails.server.ts";
import { registrationAvailability, type RegistrationAvailability } from "./registration-rules.ts";
import { newCancelToken } from "./registration-tokens.server.ts";

export type Registrant = { kind: "user"; userId: string } | ({ kind: "guest" } & Pick<GuestRegistrationInput, "name" | "email" | "phone" | "isNewcomer">);
export type Placement = "confirmed" | "waitlisted";

export type RegisterResult =
  | { status: "registered"; registrationId: string; placement: Placement; emailed: boolean }
  | { status: "already"; placement: Placement }
  | { status: "unavailable"; reason: Exclude<RegistrationAvailability, "open"> }
  | { status: "notFound" };

const digits = (phone: string) => phone.replace(/\D/g, "");

/**
 * Registers a person for a session: a seat while there is one, the waiting list after. The session row is
 * locked for the transaction (`select … for update`), so concurrent sign-ups are counted one after the
 * other and never exceed the capacity; the partial unique indexes back the duplicate checks. The session
 * becomes `full` when its last seat goes. The email (with the .ics) leaves once the row is committed.
 */
export async function registerForSession(input: { sessionId: string; registrant: Registrant; locale: string; now?: Date }): Promise<RegisterResult> {
  const now = input.now ?? new Date();
  const { token, hash } = newCancelToken();
  const outcome = await db.transaction(async (tx) => {
    const [session] = await tx.select().from(laboSessions).where(eq(laboSessions.id, input.sessionId)).for("update");
    if (!session) return { status: "notFound" as const };
    const availability = registrationAvailability(session, now);
    if (availability !== "open") return { status: "unavailable" as const, reason: availability };

    const { registrant } = input;
    const live = and(eq(laboRegistrations.sessionId, session.id), ne(laboRegistrations.status, "cancelled"));
    const [existing] = await tx
      .select({ status: laboRegistrations.status })
      .from(laboRegistrations)
      .where(
        and(
          live,
          registrant.kind === "user"
            ? eq(laboRegistrations.userId, registrant.userId)
            : registrant.email
              ? sql`lower(${laboRegistrations.email}) = ${registrant.email.toLowerCase()}`
              : // Phone only: the same number typed another way is the same person.
                and(sql`${laboRegistrations.email} is null`, sql`regexp_replace(coalesce(${laboRegistrations.phone}, ''), '[^0-9]', '', 'g') = ${digits(registrant.phone ?? "")}`),
        ),
      )
      .limit(1);
    if (existing) return { status: "already" as const, placement: existing.status as Placement };

    const [{ confirmed } = { confirmed: 0 }] = await tx
      .select({ confirmed: count() })
      .from(laboRegistrations)
      .where(and(eq(laboRegistrations.sessionId, session.id), eq(laboRegistrations.status, "confirmed")));
    const seatLeft = session.capacity === null || confirmed < session.capacity;
    const placement: Placement = seatLeft ? "confirmed" : "waitlisted";
    const [row] = await tx
      .insert(laboRegistrations)
      .values({
        sessionId: session.id,
        status: placement,
        source: "online",
        cancelTokenHash: hash,
        locale: input.locale,
        createdAt: now,
        ...(registrant.kind === "user"
          ? { userId: registrant.userId }
          : { name: registrant.name, email: registrant.email, phone: registrant.phone, isNewcomer: registrant.isNewcomer, consentAt: now }),
      })
      .returning({ id: laboRegistrations.id });
    if (placement === "confirmed" && session.capacity !== null && confirmed + 1 >= session.capacity && session.status === "announced") {
      await tx.update(laboSessions).set({ status: "full" }).where(eq(laboSessions.id, session.id));
    }
    return { status: "registered" as const, registrationId: row!.id, placement, session };
  });

  if (outcome.status !== "registered") return outcome;
  const [recipient] = await emailableRecipients({ sessionId: outcome.session.id, registrationIds: [outcome.registrationId] });
  if (recipient) await sendRegistrationEmail(outcome.session, recipient, outcome.placement, token);
  return { status: "registered", registrationId: outcome.registrationId, placement: outcome.placement, emailed: Boolean(recipient) };
}
