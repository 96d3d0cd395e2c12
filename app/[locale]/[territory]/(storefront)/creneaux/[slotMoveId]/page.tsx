import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SlotMoveAnswer } from "@/components/orders/SlotMoveAnswer";
import { db } from "@/lib/db/prisma";
import { isDomainError } from "@/lib/errors";
import { slotMoveForLink } from "@/lib/orders/changes/slot-moves";

type Props = { params: Promise<{ slotMoveId: string }>; searchParams: Promise<{ s?: string }> };

/** The email's link after a closure: the slots offered and the answer form; a tampered or foreign link is a 404. */
export default async function SlotMovePage({ params, searchParams }: Props) {
  const [{ slotMoveId }, { s: secret }] = await Promise.all([params, searchParams]);
  const move = await slotMoveForLink(db(), { slotMoveId, secret }).catch((error: unknown) => {
    if (isDomainError(error)) notFound();
    throw error;
  });
  const t = await getTranslations("slotMove");
  return (
    <article className="max-w-2xl space-y-4">
      <header>
        <h1 className="text-3xl font-bold text-brand-800">{t("pageTitle", { reference: move.order.reference })}</h1>
        <p className="text-lg">{move.order.shopName}</p>
      </header>
      <SlotMoveAnswer move={move} secret={secret} now={new Date()} />
    </article>
  );
}
