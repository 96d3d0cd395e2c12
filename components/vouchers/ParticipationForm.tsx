"use client";

import { setVoucherParticipationAction } from "@/app/actions/shop-vouchers";
import { ActionForm } from "@/components/ui/ActionForm";

/** "Ne pas participer" / "Participer de nouveau" for one campaign (the owner's; the server checks it). Labels come from the page. */
export function ParticipationForm({ shopId, campaignId, participate, labels }: { shopId: string; campaignId: string; participate: boolean; labels: { submit: string; pending: string; done: string } }) {
  return (
    <ActionForm action={setVoucherParticipationAction} submitLabel={labels.submit} pendingLabel={labels.pending} successLabel={labels.done} danger={!participate} className="space-y-1">
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="participate" value={participate ? "true" : "false"} />
    </ActionForm>
  );
}
