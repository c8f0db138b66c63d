/**
 * A local HTTP server standing in for Resend's API (POST /emails), with scripted answers: tests point a
 * client at it (`new Resend(key, { baseUrl: fake.url })`, or RESEND_BASE_URL) and make it fail, rate-limit,
 * hang or accept. Like Resend, it answers a request whose Idempotency-Key it already accepted with the
 * first answer again, without accepting a second message.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAnswer =
  | { kind: "accept" }
  /** `acceptFirst`: the message is accepted, then the answer is an error (the response was lost). */
  | { kind: "fail"; status: number; name?: string; message?: string; retryAfterSeconds?: number; acceptFirst?: boolean }
  /** No answer at all, for longer than any client waits. */
  | { kind: "hang"; acceptFirst?: boolean };

export type FakeRequest = { path: string; idempotencyKey: string | null; authorization: string | null; body: Record<string, unknown>; answer: FakeAnswer["kind"] };
export type AcceptedMessage = { id: string; idempotencyKey: string | null; body: Record<string, unknown> };

export type FakeResend = {
  url: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** The messages accepted (what Resend would deliver), in order. */
  accepted: AcceptedMessage[];
  /** Answers for the next requests, in order; once used up, `respond` decides (by default: accept). */
  script: (...answers: FakeAnswer[]) => void;
  respond: (decide: (request: Omit<FakeRequest, "answer">) => FakeAnswer) => void;
  close: () => Promise<void>;
};

const ERROR_NAMES: Record<number, string> = { 422: "validation_error", 429: "rate_limit_exceeded", 500: "application_error" };

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "Content-Type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeResend(): Promise<FakeResend> {
  const requests: FakeRequest[] = [];
  const accepted: AcceptedMessage[] = [];
  const byKey = new Map<string, string>();
  const scripted: FakeAnswer[] = [];
  let decide: (request: Omit<FakeRequest, "answer">) => FakeAnswer = () => ({ kind: "accept" });

  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    const received = {
      path: request.url ?? "",
      idempotencyKey: request.headers["idempotency-key"]?.toString() ?? null,
      authorization: request.headers.authorization ?? null,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
    const known = received.idempotencyKey ? byKey.get(received.idempotencyKey) : undefined;
    if (known) {
      requests.push({ ...received, answer: "accept" });
      return sendJson(response, 200, { id: known });
    }
    const answer = scripted.shift() ?? decide(received);
    requests.push({ ...received, answer: answer.kind });
    const accept = () => {
      const id = randomUUID();
      accepted.push({ id, idempotencyKey: received.idempotencyKey, body: received.body });
      if (received.idempotencyKey) byKey.set(received.idempotencyKey, id);
      return id;
    };
    if (answer.kind === "accept") return sendJson(response, 200, { id: accept() });
    if (answer.acceptFirst) accept();
    if (answer.kind === "hang") return; // the socket stays open until the client gives up or close()
    const headers: Record<string, string> = answer.retryAfterSeconds ? { "retry-after": String(answer.retryAfterSeconds) } : {};
    sendJson(response, answer.status, { statusCode: answer.status, name: answer.name ?? ERROR_NAMES[answer.status] ?? "application_error", message: answer.message ?? "Scripted failure" }, headers);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    script: (...answers) => void scripted.push(...answers),
    respond: (next) => void (decide = next),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
