"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { addToCartAction } from "@/app/actions/cart";
import { idleResult, type ActionResult } from "@/lib/actions/action-result";
import { announceVisitorChange } from "@/components/layout/VisitorNav";
import { useAddToCartLabels } from "./AddToCartLabels";
import { useTerritoryHref } from "@/components/territory/TerritoryContext";

/**
 * Adds a product to the basket. A plain form posting to /panier/ajouter (works
 * without JavaScript, then shows the basket); with JavaScript, the server action
 * is called directly and the result shown in place. Calling the action rather
 * than binding it to the form keeps the page light: no per-form action state in
 * the HTML of a 200-product shop.
 */
export function AddToCartForm({ productId, productName, max }: { productId: string; productName: string; max: number | null }) {
  const labels = useAddToCartLabels();
  const [state, setState] = useState<ActionResult<number>>(idleResult);
  const [pending, startTransition] = useTransition();
  const id = useId();
  const soldOut = max === 0;
  const href = useTerritoryHref();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await addToCartAction(idleResult, form);
      setState(result);
      if (result.ok) announceVisitorChange();
    });
  }
  return (
    <form action={href("/panier/ajouter")} method="post" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="productId" value={productId} />
      <div>
        <label htmlFor={`${id}-qty`} className="block text-sm font-medium">
          {labels.quantity} <span className="sr-only">{productName}</span>
        </label>
        <input
          id={`${id}-qty`}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={max ?? 99}
          defaultValue={1}
          disabled={soldOut}
          className="min-h-11 w-20 rounded-lg border border-gray-500 px-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending || soldOut}
        aria-busy={pending}
        aria-label={`${labels.add} : ${productName}`}
        className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? labels.adding : labels.add}
      </button>
      <p role="status" aria-live="polite" className="w-full text-sm">
        {state.ok ? <span className="font-medium text-brand-700">✓ {labels.added}</span> : state.error ? <span className="font-medium text-red-800">{state.message ?? labels.failed}</span> : null}
      </p>
    </form>
  );
}
