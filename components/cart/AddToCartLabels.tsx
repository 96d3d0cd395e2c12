"use client";

import { createContext, useContext, type ReactNode } from "react";

export type AddToCartLabels = { quantity: string; add: string; adding: string; added: string; failed: string };

const LabelsContext = createContext<AddToCartLabels>({ quantity: "Quantité", add: "Ajouter au panier", adding: "Ajout…", added: "Ajouté au panier", failed: "Une erreur inattendue est survenue." });

/** The add-to-cart forms' words, given once per page (a 200-product shop repeats them 200 times otherwise). */
export function AddToCartLabelsProvider({ labels, children }: { labels: AddToCartLabels; children: ReactNode }) {
  return <LabelsContext.Provider value={labels}>{children}</LabelsContext.Provider>;
}

export function useAddToCartLabels(): AddToCartLabels {
  return useContext(LabelsContext);
}
