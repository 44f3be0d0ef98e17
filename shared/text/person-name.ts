// A person's name as the inn writes it: family name first, one space, either part may be empty (山田 太郎,
// 山田). The same rule for names and their kana readings, on screens, sheets and in answers of the core.

export function familyFirst(family: string | undefined, given: string | undefined): string {
  return [family, given].filter(Boolean).join(' ');
}

/**
 * A guest addressed in Japanese: the name, one half-width space, 様 (石原 浩 様, and 石原 浩 様を削除しました).
 * The name itself has a space between family and given name, so 様 written straight after it (石原 浩様) would
 * sit on the given name alone; set apart, it honours the whole name, as on an envelope. Every ja message writes
 * an interpolated name the same way (`{{name}} 様`, tests/i18n/japanese-wording.test.ts checks), and so do the
 * printed sheets through this function. A title word keeps 様 attached (幹事様, お客様): that is one word.
 */
export function withSama(name: string): string {
  return `${name} 様`;
}
