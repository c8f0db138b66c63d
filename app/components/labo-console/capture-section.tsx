import { Link, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "#app/components/forms.tsx";
import { CAPTURE_BODY_MAX, CAPTURE_KINDS, CaptureSchema, PARTICIPANT_CONTACT_MAX, PARTICIPANT_NAME_MAX } from "#app/modules/labo-console/console.schema.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { addPending, newClientId, readPending, removePending, sendCapture, type PendingCapture } from "./pending-captures.ts";

type Choices = {
  ateliers: { id: string; title: string }[];
  ambitions: { number: number; title: string }[];
  quartiers: { code: string; name: string; local: boolean }[];
};

export type CaptureItem = {
  id: string;
  clientId: string;
  kind: (typeof CAPTURE_KINDS)[number];
  body: string;
  atelierTitle: string | null;
  ambitionNumber: number | null;
  quartierName: string | null;
  participantName: string | null;
  atLabel: string;
  proposalId: string | null;
  proposalTitle: string | null;
};

type ServerState = { errors: Record<string, string>; values: Record<string, string> } | undefined;
type Delivery = "idle" | "offline" | "failed";

const PERSONAL_FIELDS = ["body", "participantName", "participantContact"];

/**
 * Contributions: the capture form and this session's captures. With JavaScript a capture is first kept
 * in the browser (localStorage), then sent; what could not be sent stays listed "en attente" and goes as
 * soon as the network is back (the `online` event, the next page load, the next capture). The server
 * stores each client id once, so a capture sent twice appears once. Without JavaScript: a plain post.
 */
export function CaptureSection({
  sessionId,
  choices,
  captures,
  clientId,
  actionData,
}: {
  sessionId: string;
  choices: Choices;
  captures: CaptureItem[];
  clientId: string;
  actionData: ServerState;
}) {
  const { t } = useTranslation("laboConsole");
  const revalidator = useRevalidator();
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [pending, setPending] = useState<PendingCapture[]>([]);
  const [sent, setSent] = useState<PendingCapture[]>([]);
  const [delivery, setDelivery] = useState<Delivery>("idle");
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const flushing = useRef(false);
  const url = `/labo/${sessionId}/console/contributions`;

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    let outcome: Delivery = "idle";
    const delivered: PendingCapture[] = [];
    let refused: { capture: PendingCapture; errors: Record<string, string> } | null = null;
    try {
      for (const capture of readPending(sessionId)) {
        const result = await sendCapture(url, capture);
        if (result.kind === "sent") {
          removePending(sessionId, capture.clientId);
          delivered.push(capture);
        } else if (result.kind === "refused") {
          removePending(sessionId, capture.clientId);
          refused = { capture, errors: result.errors };
        } else {
          outcome = result.kind;
          break;
        }
      }
    } finally {
      flushing.current = false;
    }
    setDelivery(outcome);
    setPending(readPending(sessionId));
    if (refused) {
      // Back into the form, with the server's reasons: nothing typed is lost.
      restoreFields(formRef.current, refused.capture.fields);
      setClientErrors(refused.errors);
    }
    if (delivered.length) {
      setSent((list) => [...list, ...delivered]);
      setSavedCount((n) => n + delivered.length);
      revalidator.revalidate();
    }
  }, [sessionId, url, revalidator]);

  const flushRef = useRef(flush);
  flushRef.current = flush;

  useEffect(() => {
    setHydrated(true);
    setPending(readPending(sessionId));
    const retry = () => void flushRef.current();
    retry();
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [sessionId]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && name !== "clientId") fields[name] = value;
    const id = newClientId();
    const parsed = CaptureSchema.safeParse({ ...fields, clientId: id });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
      setClientErrors(errors);
      return;
    }
    setClientErrors(null);
    addPending(sessionId, { clientId: id, fields, typedAt: new Date().toISOString() });
    setPending(readPending(sessionId));
    // Kind, atelier, ambition and quartier stay: the next contribution often comes from the same table.
    for (const name of PERSONAL_FIELDS) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = "";
    }
    const consent = form.elements.namedItem("consent");
    if (consent instanceof HTMLInputElement) consent.checked = false;
    void flush();
  }

  const errors = clientErrors ?? actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const stored = new Set(captures.map((c) => c.clientId));
  const waiting = [...pending, ...sent.filter((s) => !pending.some((p) => p.clientId === s.clientId))].filter((p) => !stored.has(p.clientId));
  const waitingCount = pending.filter((p) => !stored.has(p.clientId)).length;
  const labels = {
    kind: t("captures.kind"),
    atelierId: t("captures.atelier"),
    ambitionNumber: t("captures.ambition"),
    quartierCode: t("captures.quartier"),
    body: t("captures.body"),
    participantName: t("captures.participantName"),
    participantContact: t("captures.participantContact"),
    consent: t("captures.consent"),
  };
  const message =
    waitingCount && delivery === "offline"
      ? t("captures.offline", { count: waitingCount })
      : waitingCount && delivery === "failed"
        ? t("captures.failed", { count: waitingCount })
        : waitingCount
          ? t("captures.sending", { count: waitingCount })
          : savedCount
            ? t("captures.saved")
            : "";

  return (
    <section id="contributions" className="section" aria-labelledby="captures-title">
      <h2 id="captures-title">{t("captures.title")}</h2>
      <form ref={formRef} method="post" noValidate onSubmit={hydrated ? onSubmit : undefined} className="form labo-capture-form">
        <ErrorSummary errors={errors} labels={labels} />
        <input type="hidden" name="intent" value="capture" />
        <input type="hidden" name="clientId" value={clientId} />
        <fieldset className={`fieldset${errors.kind ? " field-invalid" : ""}`}>
          <legend>{labels.kind}</legend>
          {errors.kind ? <p className="field-error">{t(errors.kind as never)}</p> : null}
          <div className="labo-kinds">
            {CAPTURE_KINDS.map((kind) => (
              <div key={kind} className="choice">
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} defaultChecked={(values.kind ?? "idea") === kind} />
                <label htmlFor={`kind-${kind}`}>{t(`kinds.${kind}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {choices.ateliers.length ? (
          <Select name="atelierId" label={labels.atelierId} error={errors.atelierId} defaultValue={values.atelierId}>
            <option value="">{t("captures.noAtelier")}</option>
            {choices.ateliers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </Select>
        ) : null}
        <Select name="ambitionNumber" label={labels.ambitionNumber} error={errors.ambitionNumber} defaultValue={values.ambitionNumber}>
          <option value="">{t("captures.noAmbition")}</option>
          {choices.ambitions.map((a) => (
            <option key={a.number} value={a.number}>
              {`${a.number}. ${a.title}`}
            </option>
          ))}
        </Select>
        <Select name="quartierCode" label={labels.quartierCode} error={errors.quartierCode} defaultValue={values.quartierCode}>
          <option value="">{t("captures.noQuartier")}</option>
          {choices.quartiers.some((q) => q.local) ? (
            <optgroup label={t("captures.localQuartiers")}>
              {choices.quartiers
                .filter((q) => q.local)
                .map((q) => (
                  <option key={q.code} value={q.code}>
                    {q.name}
                  </option>
                ))}
            </optgroup>
          ) : null}
          <optgroup label={t("captures.otherQuartiers")}>
            {choices.quartiers
              .filter((q) => !q.local)
              .map((q) => (
                <option key={q.code} value={q.code}>
                  {q.name}
                </option>
              ))}
          </optgroup>
        </Select>
        <div className={`field${errors.body ? " field-invalid" : ""}`}>
          <label htmlFor="body">{labels.body}</label>
          <FieldError name="body" error={errors.body} />
          <textarea id="body" name="body" rows={4} maxLength={CAPTURE_BODY_MAX + 100} defaultValue={values.body} aria-invalid={errors.body ? true : undefined} aria-describedby={errors.body ? "body-error" : undefined} />
        </div>
        <fieldset className="fieldset labo-participant">
          <legend>{t("captures.participantTitle")}</legend>
          <p className="field-hint" id="participant-hint">
            {t("captures.participantHint")}
          </p>
          <Input name="participantName" label={labels.participantName} error={errors.participantName} defaultValue={values.participantName} maxLength={PARTICIPANT_NAME_MAX + 20} autoComplete="off" />
          <Input name="participantContact" label={labels.participantContact} error={errors.participantContact} defaultValue={values.participantContact} maxLength={PARTICIPANT_CONTACT_MAX + 20} autoComplete="off" />
          <div className={`checkbox${errors.consent ? " field-invalid" : ""}`}>
            <input id="consent" name="consent" type="checkbox" defaultChecked={values.consent === "on"} aria-invalid={errors.consent ? true : undefined} aria-describedby={errors.consent ? "consent-error" : undefined} />
            <label htmlFor="consent">{labels.consent}</label>
          </div>
          <FieldError name="consent" error={errors.consent} />
        </fieldset>
        <button type="submit" className="button">
          {t("captures.submit")}
        </button>
      </form>

      <p role="status" aria-live="polite" className={waitingCount && delivery !== "idle" ? "notice notice-warning labo-delivery" : "labo-delivery"}>
        {message}
      </p>
      {waitingCount && delivery !== "idle" ? (
        <p>
          <button type="button" className="button button-secondary button-small" onClick={() => void flush()}>
            {t("captures.retry")}
          </button>
        </p>
      ) : null}

      <h3>{t("captures.listTitle", { count: captures.length })}</h3>
      {captures.length || waiting.length ? (
        <ol className="labo-captures" reversed>
          {waiting.map((p) => (
            <li key={p.clientId} className="labo-capture is-pending">
              <p className="labo-capture-tags">
                <span className="tag">{t(`kinds.${p.fields.kind as CaptureItem["kind"]}`, { defaultValue: p.fields.kind })}</span>{" "}
                <span className="tag tag-warning">{pending.some((q) => q.clientId === p.clientId) ? t("captures.pendingTag") : t("captures.savingTag")}</span>
              </p>
              <p className="labo-capture-body">{p.fields.body}</p>
            </li>
          ))}
          {captures.map((c) => (
            <li key={c.id} className="labo-capture">
              <p className="labo-capture-tags">
                <span className="tag">{t(`kinds.${c.kind}`)}</span> {c.atelierTitle ? <span className="tag tag-muted">{c.atelierTitle}</span> : null}{" "}
                {c.ambitionNumber ? <span className="tag tag-muted">{t("captures.ambitionTag", { number: c.ambitionNumber })}</span> : null}{" "}
                {c.quartierName ? <span className="tag tag-muted">{c.quartierName}</span> : null}
              </p>
              <p className="labo-capture-body">{c.body}</p>
              <p className="labo-capture-meta">
                {c.participantName ? `${c.participantName} · ` : ""}
                {c.atLabel}
              </p>
              {c.kind === "idea" ? (
                c.proposalId ? (
                  <p>
                    {t("captures.carried")} <Link to={proposalPath(c.proposalId)}>{c.proposalTitle}</Link>
                  </p>
                ) : (
                  <p>
                    <Link to={`/labo/${sessionId}/console/idees/${c.id}`} className="button button-secondary button-small">
                      {t("captures.carry")}
                    </Link>
                  </p>
                )
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("captures.none")}</p>
      )}
    </section>
  );
}

function restoreFields(form: HTMLFormElement | null, fields: Record<string, string>) {
  if (!form) return;
  for (const [name, value] of Object.entries(fields)) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) field.value = value;
    else if (field instanceof HTMLInputElement && field.type === "checkbox") field.checked = value === "on";
    else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement || field instanceof HTMLSelectElement) field.value = value;
  }
}

function FieldError({ name, error }: { name: string; error: string | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="field-error">
      <span className="visually-hidden">{t("forms.errorPrefix")} </span>
      {t(error as never)}
    </p>
  );
}

function Select({ name, label, error, defaultValue, children }: { name: string; label: string; error?: string; defaultValue?: string; children: React.ReactNode }) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <FieldError name={name} error={error} />
      <select id={name} name={name} defaultValue={defaultValue ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
        {children}
      </select>
    </div>
  );
}

function Input({ name, label, error, ...input }: { name: string; label: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <FieldError name={name} error={error} />
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={[error ? `${name}-error` : null, "participant-hint"].filter(Boolean).join(" ")} {...input} />
    </div>
  );
}
