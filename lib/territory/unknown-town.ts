/** The page for a host name no town uses: plain, no database, no script. */
export function unknownTownPage(platformUrl: string): string {
  const chooser = `${platformUrl.replace(/\/$/, "")}/villes`.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cette ville n'est pas sur Comptoir</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}a{color:#175531}</style></head><body><main><h1>Cette ville n'est pas (encore) sur Comptoir</h1><p>Aucun commerce n'est servi à cette adresse.</p><p><a href="${chooser}">Voir les villes présentes sur Comptoir</a></p><p lang="en">No town is served at this address. <a href="${chooser}">See the towns on Comptoir</a>.</p></main></body></html>`;
}
