/** The sign-in link email, in French (the interface's first language). */
export function signInEmail(url: string, minutes: number): { subject: string; text: string; html: string } {
  const subject = "Votre lien de connexion à Comptoir";
  const text = [
    "Bonjour,",
    "",
    "Pour vous connecter à Comptoir, ouvrez ce lien :",
    url,
    "",
    `Il est valable ${minutes} minutes et ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message.`,
    "",
    "—",
    "Comptoir",
  ].join("\n");
  const escapedUrl = url.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
  const html = `<p>Bonjour,</p><p>Pour vous connecter à Comptoir :</p><p><a href="${escapedUrl}">Se connecter à Comptoir</a></p><p>Ce lien est valable ${minutes} minutes et ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message.</p>`;
  return { subject, text, html };
}
