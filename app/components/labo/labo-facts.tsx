import type { ReactNode } from "react";

export type LaboFact = { label: string; value: ReactNode };

/**
 * The facts of a rendez-vous (when, where, access…) as a description list; a fact without a value is left
 * out. The session page, the registration and cancel pages and the flyer all show them this way.
 */
export function LaboFacts({ facts, className = "account-details labo-facts", children }: { facts: LaboFact[]; className?: string; children?: ReactNode }) {
  return (
    <dl className={className}>
      {facts
        .filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== "")
        .map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      {children}
    </dl>
  );
}
