import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { acceptInvitationAction } from "@/app/actions/shop-profile";
import { ActionForm } from "@/components/ui/ActionForm";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { describeInvitation } from "@/lib/shops/invitations";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, actor, t] = await Promise.all([describeInvitation(db(), token), getActor(), getTranslations("invitation")]);
  return (
    <div className="mx-auto max-w-lg space-y-4 rounded-xl bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-bold text-brand-800">{t("heading", { shop: ("shopName" in invitation ? invitation.shopName : undefined) ?? "Comptoir" })}</h1>
      {invitation.state !== "valid" ? (
        <p role="alert">{t(invitation.state)}</p>
      ) : (
        <>
          <p>{t("valid", { shop: invitation.shopName, email: invitation.email })}</p>
          {actor.kind === "user" ? (
            <ActionForm action={acceptInvitationAction} submitLabel={t("accept")} pendingLabel={t("accepting")} successLabel="">
              <input type="hidden" name="token" value={token} />
            </ActionForm>
          ) : (
            <>
              <p>{t("signInFirst")}</p>
              <Link href={`/connexion?callbackUrl=${encodeURIComponent(`/invitation/${token}`)}`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white">{t("signIn")}</Link>
            </>
          )}
        </>
      )}
    </div>
  );
}
