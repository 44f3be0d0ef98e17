// The locale files as the i18n tests read them: every message by its dotted key.

export type Tree = { [key: string]: string | Tree };

/** Every message of a locale tree, keyed 'group.sub.key'. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}
