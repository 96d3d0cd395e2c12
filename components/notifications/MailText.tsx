const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** An email's plain text with its links made clickable. */
export function MailText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}
