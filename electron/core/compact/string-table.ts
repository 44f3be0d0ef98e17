// Texts that a large job meets many times over (an import's arrival dates, room numbers, family names and
// readings, a ledger's 「窓側希望」 on every tenth line), each kept once. A 100,000-row ledger repeats most of
// them: its stays' dates were 8 MB of strings, 25,000 of them distinct.

/** Texts numbered in the order first seen; the same text always has the same number. */
export class StringTable {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];

  /** The number of `text`, given it the first time. */
  numberOf(text: string): number {
    const known = this.numbers.get(text);
    if (known !== undefined) return known;
    this.texts.push(text);
    this.numbers.set(text, this.texts.length - 1);
    return this.texts.length - 1;
  }

  textOf(number: number): string {
    const text = this.texts[number];
    if (text === undefined) throw new RangeError(`StringTable: no text numbered ${number}`);
    return text;
  }

  /** The one copy of `text` kept here: equal texts from many rows become one string. */
  shared(text: string): string {
    return this.textOf(this.numberOf(text));
  }
}
