import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useForm, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

/** What `register` from useValidatedForm returns: react-hook-form's props plus the initial value. */
export type FieldRegister = (name: string) => UseFormRegisterReturn & { defaultValue?: string };

/** What was typed: one string per field, a list for a group of checkboxes. */
export type FormValues = Record<string, string | string[]>;
export type ServerFormState = { errors?: Record<string, string>; values?: FormValues } | undefined;

/** What `registerChoice` returns: react-hook-form's props, the box's value and whether it starts checked. */
export type ChoiceRegister = (name: string, value: string) => UseFormRegisterReturn & { value: string; defaultChecked: boolean };

/**
 * react-hook-form with the route's zod schema: errors show on blur and on submit, before any request.
 * When the form is valid it is posted as a normal Remix form, so the server sees the same body with or
 * without JavaScript, validates it with the same schema, and its errors (in `server`) show the same way.
 */
export function useValidatedForm<S extends z.ZodTypeAny>(schema: S, server: ServerFormState, defaults: FormValues = {}) {
  const submit = useSubmit();
  const initial: FormValues = { ...defaults, ...server?.values };
  const form = useForm<FieldValues>({ resolver: zodResolver(schema), mode: "onTouched", defaultValues: initial });
  const clientErrors = Object.fromEntries(
    Object.entries(form.formState.errors).map(([key, error]) => [key, typeof error?.message === "string" ? error.message : "validation.invalid"]),
  );
  const submitted = form.formState.submitCount > 0;
  // Server errors stand until the user edits the form again or the client finds its own errors.
  const errors: Record<string, string> = { ...(submitted && Object.keys(clientErrors).length ? {} : server?.errors), ...clientErrors };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    event.preventDefault();
    void form.handleSubmit(() => submit(submitter ?? element, { method: "post" }))(event);
  }
  // The server-rendered HTML must carry the values too: without JavaScript, react-hook-form never runs,
  // and a page answered with errors would otherwise come back empty.
  function register(name: string): UseFormRegisterReturn & { defaultValue?: string } {
    const value = initial[name];
    return typeof value === "string" ? { ...form.register(name), defaultValue: value } : form.register(name);
  }
  // Radio buttons and checkboxes: several inputs share a name, each with its own value. Checkboxes of
  // one name give a list (react-hook-form with JavaScript, parseForm on the server), radios one value.
  function registerChoice(name: string, value: string): UseFormRegisterReturn & { value: string; defaultChecked: boolean } {
    const current = initial[name];
    const checked = Array.isArray(current) ? current.includes(value) : current === value;
    return { ...form.register(name), value, defaultChecked: checked };
  }
  // The summary above the form appears on submit (or with the server's answer), not while typing: a box
  // appearing on blur would push the submit button away from under the pointer.
  const summaryErrors = submitted ? errors : (server?.errors ?? {});
  return { register, registerChoice, errors, summaryErrors, onSubmit };
}

type FieldBase = { name: string; label: ReactNode; hint?: ReactNode; error?: string; registration?: UseFormRegisterReturn & { defaultValue?: string } };

function describedBy(name: string, hint: unknown, error: unknown) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldMessages({ name, hint, error }: { name: string; hint?: ReactNode; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <p id={`${name}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="field-error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {t(error as never)}
        </p>
      ) : null}
    </>
  );
}

/** A group of radio buttons with its legend, hint and error; the first box carries the field's id, so the error summary's link lands on the group. */
export function ChoiceGroup({ name, legend, hint, error, choices }: { name: string; legend: string; hint?: string; error?: string; choices: { value: string; label: string; register: ReturnType<ChoiceRegister> }[] }) {
  return (
    <fieldset className={`fieldset choice-group${error ? " field-invalid" : ""}`} aria-describedby={describedBy(name, hint, error)}>
      <legend>{legend}</legend>
      <FieldMessages name={name} hint={hint} error={error} />
      {choices.map((choice, i) => (
        <div className="choice" key={choice.value}>
          <input type="radio" id={i === 0 ? name : `${name}-${choice.value}`} {...choice.register} />
          <label htmlFor={i === 0 ? name : `${name}-${choice.value}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function TextField({ name, label, hint, error, registration, ...input }: FieldBase & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <FieldMessages name={name} hint={hint} error={error} />
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} {...input} {...registration} />
    </div>
  );
}

export function TextAreaField({ name, label, hint, error, registration, ...input }: FieldBase & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <FieldMessages name={name} hint={hint} error={error} />
      <textarea id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} {...input} {...registration} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  error,
  registration,
  children,
  ...select
}: FieldBase & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <FieldMessages name={name} hint={hint} error={error} />
      <select id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, hint, error)} {...select} {...registration}>
        {children}
      </select>
    </div>
  );
}

/**
 * The grouped list of errors at the top of a form (RGAA 11.10 / WCAG 3.3.1): each links to its field.
 * It takes focus when the server answers with errors, so screen reader users hear them at once.
 */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string>; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = entries.map(([k, v]) => `${k}:${v}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!entries.length) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("forms.summaryTitle", { count: entries.length })}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            {labels[name] && name !== "form" ? <a href={`#${name}`}>{`${labels[name]} : ${t(message as never)}`}</a> : t(message as never)}
          </li>
        ))}
      </ul>
    </div>
  );
}
