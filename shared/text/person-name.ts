// A person's name as the inn writes it: family name first, one space, either part may be empty (山田 太郎,
// 山田). The same rule for names and their kana readings, on screens, sheets and in answers of the core.

export function familyFirst(family: string | undefined, given: string | undefined): string {
  return [family, given].filter(Boolean).join(' ');
}
