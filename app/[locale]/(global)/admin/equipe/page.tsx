import { getTranslations } from "next-intl/server";
import { inviteTerritoryMemberAction, removeTerritoryMemberAction, revokeTerritoryInvitationAction } from "@/app/actions/team";
import { ActionForm } from "@/components/ui/ActionForm";
import { TEAM_ROLES, listTerritoryTeam } from "@/lib/admin/territory-team";
import { db } from "@/lib/db/prisma";
import { adminPage } from "../_lib/guard";

/** The territory's admins and phone operators: invite by email, withdraw an invitation, remove a member. */
export default async function TeamPage() {
  const { actor, territory } = await adminPage("/admin/equipe");
  const [team, t] = await Promise.all([listTerritoryTeam(db(), { actor, territoryId: territory.id }), getTranslations("admin")]);
  const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("teamHeading", { territory: territory.name })}</h1>
      <p className="text-muted">{t("teamIntro")}</p>
      <section aria-labelledby="team-members" className="space-y-2">
        <h2 id="team-members" className="text-xl font-semibold">{t("teamMembers")}</h2>
        {team.members.length === 0 ? (
          <p className="rounded-lg bg-white p-4 text-muted">{t("teamEmpty")}</p>
        ) : (
          <ul className="divide-y divide-brand-100 rounded-xl bg-white" data-testid="team-members">
            {team.members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <strong className="break-all">{member.user.name ?? member.user.email}</strong>
                  <span className="block text-sm text-muted">{member.user.email} · {t(`role${member.role}`)}</span>
                </span>
                {member.user.id !== (actor.kind === "user" ? actor.userId : "") && (
                  <ActionForm action={removeTerritoryMemberAction} submitLabel={t("teamRemove", { email: member.user.email })} pendingLabel={t("working")} successLabel="" danger>
                    <input type="hidden" name="grantId" value={member.id} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {team.invitations.length > 0 && (
        <section aria-labelledby="team-invitations" className="space-y-2">
          <h2 id="team-invitations" className="text-xl font-semibold">{t("teamPending")}</h2>
          <ul className="divide-y divide-brand-100 rounded-xl bg-white" data-testid="team-invitations">
            {team.invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span className="break-all">
                  {invitation.email} · {t(`role${invitation.role}`)}
                  <span className="block text-sm text-muted">{t("teamExpires", { date: date.format(invitation.expiresAt) })}</span>
                </span>
                <ActionForm action={revokeTerritoryInvitationAction} submitLabel={t("teamRevoke", { email: invitation.email })} pendingLabel={t("working")} successLabel="">
                  <input type="hidden" name="invitationId" value={invitation.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="team-invite" className="rounded-xl bg-white p-4">
        <h2 id="team-invite" className="mb-3 text-xl font-semibold">{t("teamInvite")}</h2>
        <ActionForm action={inviteTerritoryMemberAction} submitLabel={t("teamSend")} pendingLabel={t("working")} successLabel={t("teamSent")}>
          <div className="space-y-1">
            <label htmlFor="team-email" className="block text-sm font-medium">{t("teamEmail")}</label>
            <input id="team-email" name="email" type="email" required autoComplete="off" className="min-h-11 w-full rounded-lg border border-gray-500 px-3 py-2" />
          </div>
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("teamRole")}</legend>
            {TEAM_ROLES.map((role, index) => (
              <label key={role} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="role" value={role} defaultChecked={index === 0} className="h-5 w-5" />
                <span>{t(`role${role}`)} — <span className="text-sm text-muted">{t(`role${role}Help`)}</span></span>
              </label>
            ))}
          </fieldset>
        </ActionForm>
      </section>
    </div>
  );
}
