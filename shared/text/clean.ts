// Text as it enters the core, made one well-formed thing before anything stores or logs it. A row and its
// log entry must hold the same string: SQLite stores a lone surrogate as U+FFFD while the log kept what came
// in, so the log no longer rebuilt the row. Every string of every call's input passes through here once, at
// the dispatcher, before the contract's own checks:
// - lone surrogates become U+FFFD, as SQLite would store them;
// - NFC, so か + combining ゛ is が, the same as typed by an IME, and found the same way;
// - control characters other than tab and line breaks are dropped (a NUL would end the text in C strings);
// - bidirectional embedding, override and isolate controls are dropped: they make a name read backwards
//   on screen (a spoofing trick) and no Japanese, English or right-to-left name needs them to display.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\ufffd').normalize('NFC').replace(CONTROLS, '').replace(BIDI_CONTROLS, '');
}

/** Every string inside a call's input (in arrays and plain objects, keys included), cleaned. */
export function cleanInput(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanInput);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [cleanText(key), cleanInput(inner)]));
  }
  return value;
}
