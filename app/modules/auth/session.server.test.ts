import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, sessionCookieFor } from "#tests/helpers/request.ts";
import { endSession, readSessionUser } from "./session.server.ts";

test("a cookie that is not valid percent-encoding, next to the session's, neither fails the request nor loses the session", async () => {
  const user = await insertUser(db, { password: null });
  const session = await sessionCookieFor(user.id);
  for (const cookie of [`lng=%FF; ${session}`, `${session}; labo_flash=%E0%A4%A`, `%zz=1; ${session}`]) {
    expect((await readSessionUser(getRequest("/", { cookie })))?.id, cookie).toBe(user.id);
  }
  expect(await readSessionUser(getRequest("/", { cookie: "labo_session=%E0%A4%A" }))).toBeNull();
});

test("a session id with a NUL or of another shape is no session, and is never looked up", async () => {
  for (const value of ["%00", "a%00b", "a b", "é", "x".repeat(300), ""]) {
    expect(await readSessionUser(getRequest("/", { cookie: `labo_session=${value}` })), JSON.stringify(value)).toBeNull();
  }
});

test("signing out with a malformed cookie beside the session ends that session", async () => {
  const user = await insertUser(db, { password: null });
  const session = await sessionCookieFor(user.id);
  await endSession(getRequest("/", { cookie: `lng=%FF; ${session}` }));
  expect(await readSessionUser(getRequest("/", { cookie: session }))).toBeNull();
});
