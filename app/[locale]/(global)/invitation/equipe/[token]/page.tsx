import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { acceptTerritoryInvitationAction } from "@/app/actions/team";
import { ActionForm } from "@/components/ui/ActionForm";
import { describeTerritoryInvitation } from "@/lib/admin/territory-team";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";

/** An invitation to a territory's team (admin or phone operator), from the link in its email. */
export default async function TeamInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor, t, tAdmin] = await Promise.all([describeTerritoryInvitation(db(), token), getActor(), getTranslations("invitation"), getTranslations("admin")]);
  const name = invitation.state === "unknown" ? "Comptoir" : invitation.territoryName;
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{t("teamHeading", { territory: name })}</h1>
      {invitation.state !== "valid" ? (
        <p role="alert">{t(invitation.state === "expired" ? "teamExpired" : invitation.state)}</p>
      ) : (
        <>
          <p>{t("teamValid", { territory: invitation.territoryName, email: invitation.email, role: tAdmin(`role${invitation.role}`).toLowerCase() })}</p>
          {actor.kind === "user" ? (
            <ActionForm action={acceptTerritoryInvitationAction} submitLabel={t("teamAccept")} pendingLabel={t("accepting")} successLabel="">
              <input type="hidden" name="token" value={token} />
            </ActionForm>
          ) : (
            <>
              <p>{t("signInFirst")}</p>
              <Link href={`/connexion?callbackUrl=${encodeURIComponent(`/invitation/equipe/${token}`)}`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white">{t("signIn")}</Link>
            </>
          )}
        </>
      )}
    </div>
  );
}
