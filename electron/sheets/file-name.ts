// The name a saved sheet is suggested under. It comes from the renderer, so it is only a suggestion: no folder
// part, no characters Windows or macOS refuse, always ending in .pdf.

const FALLBACK = 'yadocho.pdf';
const MAX_LENGTH = 120;

export function safePdfFileName(suggested: unknown): string {
  if (typeof suggested !== 'string') return FALLBACK;
  const base = suggested.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\.pdf$/i, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_LENGTH - 4)
    .trim();
  return cleaned ? `${cleaned}.pdf` : FALLBACK;
}
