// A small RFC 4180 reader that takes its text in slices: fields in double quotes may hold commas, line breaks
// and doubled quotes (""); records end at CRLF, LF or CR. It is lenient where Excel is: a quote inside an
// unquoted field is kept as a character, text after a closing quote joins the field, and a quote left open runs
// to the end of the file. Ragged records are kept as they are. Writing it (about a hundred lines) beats taking a
// library: the popular ones either parse whole strings only or bring a stream stack the core does not need.

export type Delimiter = ',' | '\t';

export type CsvRecord = { line: number /* the record's number, 1-based: the row Excel shows it on */; cells: string[] };

/**
 * Comma, or tab when the first lines hold more tabs than commas (a .txt export is often tab-separated, and a
 * name like 「山田, 太郎」 may carry a comma). Looks at the first ten lines that have any text.
 */
export function guessDelimiter(text: string): Delimiter {
  let tabs = 0;
  let commas = 0;
  let lines = 0;
  for (const line of text.slice(0, 64 * 1024).split(/\r\n|\n|\r/)) {
    if (line.trim() === '') continue;
    for (const ch of line) {
      if (ch === '\t') tabs++;
      else if (ch === ',') commas++;
    }
    if (++lines === 10) break;
  }
  return tabs > commas ? '\t' : ',';
}

export class CsvParser {
  private readonly delimiter: Delimiter;
  private field = '';
  private cells: string[] = [];
  private quoted = false; // inside a quoted field
  private quoteSeen = false; // the last character was a quote inside a quoted field (closing, or half of "")
  private afterCr = false; // the last record ended with CR: an LF right after it belongs to the same break
  private fieldStarted = false;
  private line = 0;

  constructor(delimiter: Delimiter) {
    this.delimiter = delimiter;
  }

  /** Feeds a slice of text; returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const delimiter = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === '\n') continue;
      }
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (ch === '"') {
            this.field += '"'; // "" inside quotes
            continue;
          }
          this.quoted = false; // the quote closed the field; fall through to handle ch unquoted
        } else if (ch === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          // Copy a run of ordinary characters at once.
          const next = text.indexOf('"', i);
          const end = next === -1 ? text.length : next;
          this.field += text.slice(i, end);
          i = end - 1;
          continue;
        }
      }
      if (ch === delimiter) {
        this.endField();
      } else if (ch === '\n' || ch === '\r') {
        this.endField();
        records.push(this.endRecord());
        if (ch === '\r') this.afterCr = true;
      } else if (ch === '"' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
      } else {
        // Copy a run of ordinary characters at once (a quote inside an unquoted field is one of them).
        let end = i + 1;
        while (end < text.length) {
          const next = text[end];
          if (next === delimiter || next === '\n' || next === '\r') break;
          end++;
        }
        this.field += text.slice(i, end);
        this.fieldStarted = true;
        i = end - 1;
      }
    }
    return records;
  }

  /** Ends the input: the last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.quoted || this.fieldStarted || this.cells.length > 0) {
      this.quoted = false;
      this.quoteSeen = false;
      this.endField();
      return [this.endRecord()];
    }
    return [];
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(): CsvRecord {
    const record = { line: ++this.line, cells: this.cells };
    this.cells = [];
    return record;
  }
}
