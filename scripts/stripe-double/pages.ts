import type { Account, Session } from "./state";

/** The double's hosted pages: a checkout page and a Connect onboarding page, plainly labelled as a demonstration. */
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const euros = (cents: number) => new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f2a1f}h1{font-size:1.5rem}.demo{background:#fef3c7;color:#451a03;padding:.75rem;border-radius:.5rem}
button{min-height:2.75rem;padding:0 1rem;margin:.25rem 0;border-radius:.5rem;border:1px solid #1d6b3c;font-size:1rem;width:100%}button.pay{background:#1d6b3c;color:#fff}table{width:100%;border-collapse:collapse}td{padding:.25rem 0}td:last-child{text-align:right}.error{color:#991b1b;font-weight:600}</style></head>
<body><main>${body}</main></body></html>`;
}

export function checkoutPage(session: Session, message?: string): string {
  const rows = session.lines.map((l) => `<tr><td>${l.quantity > 1 ? `${l.quantity} × ` : ""}${escape(l.name)}</td><td>${euros(l.amount * l.quantity)}</td></tr>`).join("");
  const closed = session.status !== "open";
  return page(
    "Paiement de démonstration",
    `<p class="demo" role="note">Paiement de démonstration : aucune carte n'est débitée.</p>
<h1>Paiement de démonstration</h1>
<table aria-label="Votre paiement">${rows}<tr><td><strong>Montant autorisé</strong></td><td><strong>${euros(session.amount_total)}</strong></td></tr></table>
<p>La somme est réservée sur votre carte ; seul le montant final est prélevé quand vos commandes sont prêtes.</p>
${message ? `<p class="error" role="alert">${escape(message)}</p>` : ""}
${
  closed
    ? `<p role="status">Ce paiement est ${session.status === "complete" ? "terminé" : "expiré"}.</p>`
    : `<form method="post" action="/pay/${session.id}/pay"><button class="pay" type="submit">Payer ${euros(session.amount_total)}</button></form>
<form method="post" action="/pay/${session.id}/decline"><button type="submit">Simuler une carte refusée</button></form>
<form method="post" action="/pay/${session.id}/abandon"><button type="submit">Abandonner et revenir</button></form>`
}`,
  );
}

export function onboardingPage(account: Account, returnUrl: string): string {
  return page(
    "Inscription aux paiements (démonstration)",
    `<p class="demo" role="note">Démonstration : aucune donnée n'est transmise à Stripe.</p>
<h1>Recevoir les paiements en ligne</h1>
<p>Compte ${escape(account.id)}${account.email ? ` — ${escape(account.email)}` : ""}</p>
<form method="post" action="/connect/${account.id}/complete"><input type="hidden" name="return_url" value="${escape(returnUrl)}"><button class="pay" type="submit">Terminer l'inscription</button></form>`,
  );
}
