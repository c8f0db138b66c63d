import { useTranslation } from "react-i18next";

export type InstanceMember = { id: string; name: string; institution: string };

/** A body's public members: name and institution. */
export function InstanceMembers({ members }: { members: InstanceMember[] }) {
  const { t } = useTranslation("instances");
  if (members.length === 0) return <p>{t("overview.noMembers")}</p>;
  return (
    <ul className="plain-list instance-members">
      {members.map((m) => (
        <li key={m.id}>
          <strong>{m.name}</strong>
          {m.institution ? <> — {m.institution}</> : null}
        </li>
      ))}
    </ul>
  );
}
