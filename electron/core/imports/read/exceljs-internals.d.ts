// Types for the modules of exceljs 4.4.0 that the ledger reader uses (exceljs has no exports map, so
// they can be imported by path). Pinned: exceljs is an exact dependency, and tests/imports/read.test.ts covers
// every behaviour these are relied on for.

declare module 'exceljs/lib/utils/parse-sax.js' {
  export type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
    | { eventType: 'closetag'; value: { name: string } }
    | { eventType: 'text'; value: string };
  /** Streams SAX events in batches, one batch per chunk of XML (strings are passed through untouched). */
  export default function parseSax(iterable: AsyncIterable<string | Uint8Array>): AsyncGenerator<SaxEvent[]>;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** True when an Excel number format shows a date or a time. */
    isDateFmt(format: string | undefined): boolean;
    /** An Excel serial number as a Date whose UTC parts are the date and time Excel shows. */
    excelToDate(serial: number, date1904?: boolean): Date;
  };
  export default utils;
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  /** xl/styles.xml: the number format of each cell style (which tells a date cell from a number). */
  export default class StylesXform {
    init(): void;
    /** The parsed cell styles (cellXfs), each with its number format's id. */
    model?: { styles?: { numFmtId?: number | string }[] };
    /** A cell style with its number format's code (`numFmt`), or null for an unknown index. */
    getStyleModel(index: number): { numFmt?: string } | null;
    parseStream(stream: AsyncIterable<string | Uint8Array>): Promise<unknown>;
  }
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  /** xl/workbook.xml: the sheets in tab order, and the workbook's properties (date1904). */
  export default class WorkbookXform {
    parseStream(stream: AsyncIterable<string | Uint8Array>): Promise<unknown>;
    model?: {
      sheets?: { name: string; id: number; rId: string; state?: string }[];
      properties?: { date1904?: boolean };
    };
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  /** A .rels part: which file each relationship id points at. */
  export default class RelationshipsXform {
    parseStream(stream: AsyncIterable<string | Uint8Array>): Promise<{ Id: string; Type: string; Target: string }[]>;
  }
}
