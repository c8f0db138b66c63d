import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type LinksFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppLink } from "#app/components/app-link.tsx";
import { Breadcrumb } from "#app/components/breadcrumb.tsx";
import { dateFormat } from "#app/components/dates.ts";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField, useValidatedForm } from "#app/components/forms.tsx";
import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { requirePermission } from "#app/modules/auth/auth.server.ts";
import {
  AddMeetingSchema,
  AddMemberSchema,
  AttachQuartierSchema,
  COUNCIL_COLLEGES,
  COUNCIL_INTENTS,
  COUNCIL_NAME_MAX,
  EditCouncilSchema,
  EMAIL_MAX,
  HOW_TO_JOIN_MAX,
  MEETING_PATTERN_MAX,
  MEETING_PLACE_MAX,
  MEETING_SUMMARY_MAX,
  MEETING_TITLE_MAX,
  MeetingSummarySchema,
  MEMBER_NAME_MAX,
  ORGANISATION_MAX,
  parseCouncilCode,
  RemoveMemberSchema,
  UpdateMemberSchema,
  type CouncilIntent,
} from "#app/modules/councils/council.schema.ts";
import { addCouncilMeeting, setCouncilMeetingSummary } from "#app/modules/councils/council-meetings.server.ts";
import { addCouncilMember, removeCouncilMember, updateCouncilMember } from "#app/modules/councils/council-membership.server.ts";
import { getCouncilManagement } from "#app/modules/councils/council-queries.server.ts";
import { attachQuartier, editCouncil } from "#app/modules/councils/edit-council.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import councilStyles from "#app/styles/councils.css";

export const handle = { i18n: ["councils"] };
export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

const notFound = () => new Response(null, { status: 404 });

/** Coordinators only (sign-in for visitors, 403 for others), then a well-formed code: 404 otherwise. */
async function requireCouncilManager(request: Request, raw: string | undefined) {
  const viewer = await requirePermission(request, "council.manage");
  const code = parseCouncilCode(raw);
  if (!code) throw notFound();
  return { viewer, code };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { code } = await requireCouncilManager(request, params.code);
  const [data, locale] = await Promise.all([getCouncilManagement(code), getLocale(request)]);
  if (!data) throw notFound();
  const t = await getFixedT(locale, "councils");
  return json({ title: t("manage.title", { name: data.council.name }), locale, now: new Date().toISOString(), ...data });
}

type ActionData = { intent: CouncilIntent; errors: Record<string, string>; values: Record<string, string>; targetId?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, code } = await requireCouncilManager(request, params.code);
  const formData = await request.formData().catch(() => null);
  const intent = COUNCIL_INTENTS.find((i) => i === formData?.get("intent"));
  if (!formData || !intent) return json<ActionData>({ intent: "add_member", errors: { form: "councils:errors.unknownIntent" }, values: {} }, { status: 400 });
  const here = `/conseils-citoyens/${code}/gestion`;
  const actor = { id: viewer.id };
  const invalid = (errors: Record<string, string>, values: Record<string, string>, targetId?: string) =>
    json<ActionData>({ intent, errors, values, ...(targetId ? { targetId } : {}) }, { status: 400 });
  // The row a per-member or per-meeting form was about, to show its errors beside it.
  const target = (values: Record<string, string>, field: string) => (isUuid(values[field]) ? values[field]!.toLowerCase() : undefined);

  switch (intent) {
    case "add_member": {
      const parsed = validateFormData(formData, AddMemberSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await addCouncilMember({ actor, councilCode: code, input: parsed.data });
      switch (result.status) {
        case "ok":
          return redirectWithFlash(here, "councils:flash.memberAdded");
        case "unknown_account":
          return invalid({ email: "councils:errors.unknownAccount" }, parsed.values);
        case "already_member":
          return invalid({ [result.field]: result.field === "email" ? "councils:errors.alreadyMemberAccount" : "councils:errors.alreadyMemberName" }, parsed.values);
        case "not_found":
          throw notFound();
      }
      break;
    }
    case "update_member": {
      const parsed = validateFormData(formData, UpdateMemberSchema);
      if (!parsed.ok) {
        // Without a well-formed member id there is no row to show the errors beside: a page-level message.
        const memberId = target(parsed.values, "memberId");
        return memberId ? invalid(parsed.errors, parsed.values, memberId) : invalid({ form: "validation.invalidForm" }, {});
      }
      const result = await updateCouncilMember({ actor, councilCode: code, input: parsed.data });
      if (result.status === "not_found") throw notFound();
      return redirectWithFlash(here, result.status === "ok" ? "councils:flash.memberUpdated" : "councils:flash.nothingChanged");
    }
    case "remove_member": {
      const parsed = validateFormData(formData, RemoveMemberSchema);
      if (!parsed.ok) return invalid({ form: "validation.invalidForm" }, {});
      const result = await removeCouncilMember({ actor, councilCode: code, memberId: parsed.data.memberId });
      if (result.status === "not_found") throw notFound();
      return redirectWithFlash(here, result.status === "ok" ? "councils:flash.memberRemoved" : "councils:flash.memberAlreadyRemoved");
    }
    case "edit_council": {
      const parsed = validateFormData(formData, EditCouncilSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await editCouncil({ actor, councilCode: code, input: parsed.data });
      if (result.status === "not_found") throw notFound();
      return redirectWithFlash(here, result.status === "ok" ? "councils:flash.councilSaved" : "councils:flash.nothingChanged");
    }
    case "add_meeting": {
      const parsed = validateFormData(formData, AddMeetingSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await addCouncilMeeting({ actor, councilCode: code, input: parsed.data });
      if (result.status === "not_found") throw notFound();
      return redirectWithFlash(here, "councils:flash.meetingAdded");
    }
    case "meeting_summary": {
      const parsed = validateFormData(formData, MeetingSummarySchema);
      if (!parsed.ok) {
        const meetingId = target(parsed.values, "meetingId");
        return meetingId ? invalid(parsed.errors, parsed.values, meetingId) : invalid({ form: "validation.invalidForm" }, {});
      }
      const result = await setCouncilMeetingSummary({ actor, councilCode: code, input: parsed.data });
      if (result.status === "not_found") throw notFound();
      if (result.status === "not_held_yet") return invalid({ summary: "councils:errors.notHeldYet" }, parsed.values, parsed.data.meetingId);
      return redirectWithFlash(here, result.status === "ok" ? "councils:flash.summarySaved" : "councils:flash.nothingChanged");
    }
    case "attach_quartier": {
      const parsed = validateFormData(formData, AttachQuartierSchema);
      if (!parsed.ok) return invalid(parsed.errors, parsed.values);
      const result = await attachQuartier({ actor, councilCode: code, quartierCode: parsed.data.quartierCode });
      switch (result.status) {
        case "ok":
          return redirectWithFlash(here, result.fromCouncilLeftEmpty ? "councils:flash.quartierAttachedLeftEmpty" : "councils:flash.quartierAttached");
        case "already_here":
          return redirectWithFlash(here, "councils:flash.quartierAlreadyHere");
        case "unknown_quartier":
          return invalid({ quartierCode: "councils:errors.quartierUnknown" }, parsed.values);
        case "not_found":
          throw notFound();
      }
    }
  }
  throw notFound();
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CouncilManagementRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("councils");
  const { council } = data;
  const stateFor = (intent: CouncilIntent) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <>
      <Breadcrumb
        label={t("breadcrumb.label")}
        items={[
          { label: t("breadcrumb.home"), to: "/" },
          { label: t("breadcrumb.councils"), to: "/conseils-citoyens" },
          { label: council.name, to: `/conseils-citoyens/${council.code}`, lang: "fr" },
          { label: t("manage.breadcrumb") },
        ]}
      />
      <h1>{t("manage.title", { name: council.name })}</h1>
      <p className="lead">{t("manage.lead")}</p>
      <p>
        <AppLink to={`/conseils-citoyens/${council.code}`}>{t("manage.publicPage")}</AppLink>
      </p>
      {actionData?.errors.form ? (
        <p className="notice notice-error" role="alert">
          {t(actionData.errors.form as never)}
        </p>
      ) : null}

      <CurrentMembers members={data.currentMembers} actionData={actionData} />
      <AddMemberForm key={data.currentMembers.map((m) => m.id).join()} server={stateFor("add_member")} />
      <PastMembers members={data.pastMembers} locale={data.locale} />
      <EditCouncilForm key={`${council.name}|${council.howToJoin}|${council.meetingPattern}`} council={council} server={stateFor("edit_council")} />
      <Meetings meetings={data.meetings} now={data.now} locale={data.locale} actionData={actionData} />
      <AddMeetingForm key={data.meetings.map((m) => m.id).join()} server={stateFor("add_meeting")} />
      <Quartiers council={council} otherQuartiers={data.otherQuartiers} server={stateFor("attach_quartier")} />
    </>
  );
}

/**
 * A field of a per-member or per-meeting form: the same name on every row, so its id carries the row's
 * (the shared field components take their id from the name).
 */
function RowField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby": string }) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {t(error as never)}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-hint ${id}-error` : `${id}-hint` })}
    </div>
  );
}

function CurrentMembers({ members, actionData }: { members: LoaderData["currentMembers"]; actionData: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  return (
    <section className="section" aria-labelledby="members-title">
      <h2 id="members-title">{t("manage.membersTitle", { count: members.length })}</h2>
      {members.length === 0 ? <p>{t("manage.noMembers")}</p> : null}
      <ul className="plain-list council-manage-members">
        {members.map((m) => {
          const mine = actionData?.intent === "update_member" && actionData.targetId === m.id ? actionData : undefined;
          const values = mine?.values;
          const college = values?.college ?? m.college;
          const error = (field: string) => mine?.errors[field];
          const id = (field: string) => `${field}-${m.id}`;
          return (
            <li key={m.id} className="card">
              <h3>{m.displayName}</h3>
              <dl className="profile-facts">
                <div>
                  <dt>{t("manage.college")}</dt>
                  <dd>{t(`colleges.${m.college}`)}</dd>
                </div>
                {m.organisation ? (
                  <div>
                    <dt>{t("manage.organisation")}</dt>
                    <dd>{m.organisation}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t("manage.publicPageColumn")}</dt>
                  <dd>{m.listed ? t("manage.listedYes") : t("manage.listedNo")}</dd>
                </div>
                <div>
                  <dt>{t("manage.account")}</dt>
                  <dd>{m.hasAccount ? t("manage.hasAccount") : t("manage.noAccount")}</dd>
                </div>
              </dl>
              <details open={mine ? true : undefined}>
                <summary>
                  {t("manage.edit")}
                  <span className="visually-hidden"> {m.displayName}</span>
                </summary>
                <Form method="post" className="form" noValidate>
                  <input type="hidden" name="intent" value="update_member" />
                  <input type="hidden" name="memberId" value={m.id} />
                  {mine ? (
                    <p className="notice notice-error" role="alert">
                      {t("manage.fixErrors")}
                    </p>
                  ) : null}
                  <fieldset className={`fieldset choice-group${error("college") ? " field-invalid" : ""}`} aria-describedby={error("college") ? id("college-error") : undefined}>
                    <legend>{t("manage.college")}</legend>
                    {error("college") ? (
                      <p id={id("college-error")} className="field-error">
                        {t(error("college") as never)}
                      </p>
                    ) : null}
                    {COUNCIL_COLLEGES.map((c) => (
                      <div className="choice" key={c}>
                        <input type="radio" id={id(`college-${c}`)} name="college" value={c} defaultChecked={college === c} />
                        <label htmlFor={id(`college-${c}`)}>{t(`colleges.${c}`)}</label>
                      </div>
                    ))}
                  </fieldset>
                  <RowField id={id("organisation")} label={t("manage.organisation")} hint={t("manage.organisationHint")} error={error("organisation")}>
                    {(props) => <input {...props} name="organisation" defaultValue={values?.organisation ?? m.organisation} maxLength={ORGANISATION_MAX} autoComplete="off" />}
                  </RowField>
                  <div className="checkbox">
                    <input type="checkbox" id={id("listed")} name="listed" defaultChecked={values ? values.listed === "on" : m.listed} aria-describedby={id("listed-hint")} />
                    <div>
                      <label htmlFor={id("listed")}>{t("manage.listed")}</label>
                      <p id={id("listed-hint")} className="choice-hint">
                        {t("manage.listedHint")}
                      </p>
                    </div>
                  </div>
                  <button type="submit" className="button button-small">
                    {t("manage.save")}
                    <span className="visually-hidden"> {m.displayName}</span>
                  </button>
                </Form>
              </details>
              <details className="confirm">
                <summary>
                  {t("manage.remove")}
                  <span className="visually-hidden"> {m.displayName}</span>
                </summary>
                <p>{t("manage.removeConfirm", { name: m.displayName })}</p>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove_member" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <button type="submit" className="button button-danger button-small">
                    {t("manage.removeSubmit")}
                    <span className="visually-hidden"> {m.displayName}</span>
                  </button>
                </Form>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AddMemberForm({ server }: { server: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  const { register, registerChoice, errors, summaryErrors, onSubmit } = useValidatedForm(AddMemberSchema, server, { college: "residents" });
  const labels = { displayName: t("manage.displayName"), college: t("manage.college"), organisation: t("manage.organisation"), email: t("manage.email") };
  return (
    <section className="section" aria-labelledby="add-member-title">
      <h2 id="add-member-title">{t("manage.addMemberTitle")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="intent" value="add_member" />
        <TextField name="displayName" label={labels.displayName} hint={t("manage.displayNameHint")} error={errors.displayName} registration={register("displayName")} maxLength={MEMBER_NAME_MAX} autoComplete="off" required />
        <ChoiceGroup
          name="college"
          legend={labels.college}
          error={errors.college}
          choices={COUNCIL_COLLEGES.map((c) => ({ value: c, label: t(`colleges.${c}`), register: registerChoice("college", c) }))}
        />
        <TextField name="organisation" label={labels.organisation} hint={t("manage.organisationHint")} error={errors.organisation} registration={register("organisation")} maxLength={ORGANISATION_MAX} autoComplete="off" />
        <div className="checkbox">
          <input type="checkbox" id="listed" aria-describedby="listed-hint" {...registerChoice("listed", "on")} />
          <div>
            <label htmlFor="listed">{t("manage.listed")}</label>
            <p id="listed-hint" className="choice-hint">
              {t("manage.listedHint")}
            </p>
          </div>
        </div>
        <TextField name="email" type="email" label={labels.email} hint={t("manage.emailHint")} error={errors.email} registration={register("email")} maxLength={EMAIL_MAX} autoComplete="off" />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("manage.addMember")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function PastMembers({ members, locale }: { members: LoaderData["pastMembers"]; locale: string }) {
  const { t } = useTranslation("councils");
  const dates = dateFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  return (
    <section className="section" aria-labelledby="past-members-title">
      <h2 id="past-members-title">{t("manage.pastTitle")}</h2>
      {members.length === 0 ? (
        <p>{t("manage.noPast")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption>{t("manage.pastCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("manage.displayName")}</th>
                <th scope="col">{t("manage.college")}</th>
                <th scope="col">{t("manage.leftAt")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.displayName}</th>
                  <td>
                    {t(`colleges.${m.college}`)}
                    {m.organisation ? ` — ${m.organisation}` : ""}
                  </td>
                  <td>{dates.format(new Date(m.leftAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EditCouncilForm({ council, server }: { council: LoaderData["council"]; server: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(EditCouncilSchema, server, { name: council.name, howToJoin: council.howToJoin, meetingPattern: council.meetingPattern });
  const labels = { name: t("manage.name"), howToJoin: t("manage.howToJoin"), meetingPattern: t("manage.meetingPattern") };
  return (
    <section className="section" aria-labelledby="edit-council-title">
      <h2 id="edit-council-title">{t("manage.editTitle")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="intent" value="edit_council" />
        <TextField name="name" label={labels.name} error={errors.name} registration={register("name")} maxLength={COUNCIL_NAME_MAX} autoComplete="off" required />
        <TextAreaField name="howToJoin" label={labels.howToJoin} hint={t("manage.howToJoinHint")} error={errors.howToJoin} registration={register("howToJoin")} maxLength={HOW_TO_JOIN_MAX} rows={5} />
        <TextField name="meetingPattern" label={labels.meetingPattern} hint={t("manage.meetingPatternHint")} error={errors.meetingPattern} registration={register("meetingPattern")} maxLength={MEETING_PATTERN_MAX} autoComplete="off" />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("manage.saveCouncil")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function Meetings({ meetings, now, locale, actionData }: { meetings: LoaderData["meetings"]; now: string; locale: string; actionData: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  const dates = dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  const nowMs = new Date(now).getTime();
  return (
    <section className="section" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t("manage.meetingsTitle")}</h2>
      {meetings.length === 0 ? <p>{t("manage.noMeetings")}</p> : null}
      <ul className="plain-list council-manage-meetings">
        {meetings.map((m) => {
          const held = new Date(m.startsAt).getTime() <= nowMs;
          const mine = actionData?.intent === "meeting_summary" && actionData.targetId === m.id ? actionData : undefined;
          const fieldId = `summary-${m.id}`;
          return (
            <li key={m.id} className="card">
              <h3>{m.title}</h3>
              <p>
                {dates.format(new Date(m.startsAt))}
                {m.place ? ` — ${m.place}` : ""}
              </p>
              {held ? (
                <Form method="post" className="form" noValidate>
                  <input type="hidden" name="intent" value="meeting_summary" />
                  <input type="hidden" name="meetingId" value={m.id} />
                  <RowField id={fieldId} label={t("manage.summary", { title: m.title })} hint={t("manage.summaryHint")} error={mine?.errors.summary}>
                    {(props) => <textarea {...props} name="summary" defaultValue={mine?.values.summary ?? m.summary} maxLength={MEETING_SUMMARY_MAX} rows={4} />}
                  </RowField>
                  <button type="submit" className="button button-small">
                    {t("manage.saveSummary")}
                    <span className="visually-hidden"> {m.title}</span>
                  </button>
                </Form>
              ) : (
                <p className="field-hint">{t("manage.summaryLater")}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AddMeetingForm({ server }: { server: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(AddMeetingSchema, server, { startTime: "18:00" });
  const labels = { title: t("manage.meetingTitle"), date: t("manage.date"), startTime: t("manage.startTime"), place: t("manage.place") };
  return (
    <section className="section" aria-labelledby="add-meeting-title">
      <h2 id="add-meeting-title">{t("manage.addMeetingTitle")}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} className="form">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="intent" value="add_meeting" />
        <TextField name="title" label={labels.title} error={errors.title} registration={register("title")} maxLength={MEETING_TITLE_MAX} autoComplete="off" required />
        <TextField name="date" type="date" label={labels.date} hint={t("manage.dateHint")} error={errors.date} registration={register("date")} required />
        <TextField name="startTime" type="time" label={labels.startTime} hint={t("manage.timeHint")} error={errors.startTime} registration={register("startTime")} required />
        <TextField name="place" label={labels.place} error={errors.place} registration={register("place")} maxLength={MEETING_PLACE_MAX} autoComplete="off" />
        <div className="form-actions">
          <button type="submit" className="button">
            {t("manage.addMeeting")}
          </button>
        </div>
      </Form>
    </section>
  );
}

function Quartiers({ council, otherQuartiers, server }: { council: LoaderData["council"]; otherQuartiers: LoaderData["otherQuartiers"]; server: ActionData | undefined }) {
  const { t } = useTranslation("councils");
  const { register, errors, summaryErrors, onSubmit } = useValidatedForm(AttachQuartierSchema, server);
  const labels = { quartierCode: t("manage.quartier") };
  return (
    <section className="section" aria-labelledby="quartiers-title">
      <h2 id="quartiers-title">{t("manage.quartiersTitle")}</h2>
      {council.quartiers.length ? (
        <ul className="plain-list">
          {council.quartiers.map((q) => (
            <li key={q.code}>
              <AppLink to={`/quartiers/${q.code}`} lang="fr">
                {q.name}
              </AppLink>{" "}
              ({q.communes.map((c) => c.name).join(", ")})
            </li>
          ))}
        </ul>
      ) : (
        <p className="notice notice-warning">{t("manage.noQuartier")}</p>
      )}
      <h3 id="attach-title">{t("manage.attachTitle")}</h3>
      <p>{t("manage.attachIntro")}</p>
      <Form method="post" noValidate onSubmit={onSubmit} className="form" aria-labelledby="attach-title">
        <ErrorSummary errors={summaryErrors} labels={labels} />
        <input type="hidden" name="intent" value="attach_quartier" />
        <SelectField name="quartierCode" label={labels.quartierCode} error={errors.quartierCode} registration={register("quartierCode")} defaultValue={server?.values.quartierCode ?? ""} required>
          <option value="">{t("manage.quartierPlaceholder")}</option>
          {otherQuartiers.map((q) => (
            <option key={q.code} value={q.code}>
              {q.councilName ? t("manage.quartierOption", { name: q.name, council: q.councilName }) : q.name}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("manage.attach")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
