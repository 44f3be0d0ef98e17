import type { Column, RowCells } from './columns.ts';

/**
 * Where an export's tables go: a CSV (one table) or an .xlsx (a sheet per table). The job calls begin, rows
 * (a batch at a time, synchronously, within a slice), end for each table, then finish once. `backlog` says how
 * many bytes are written but not yet taken in by the file (the .xlsx zip compresses between slices): the job
 * waits for it to fall before writing more, so memory stays bounded however many rows there are.
 */
export type TableWriter = {
  begin(title: string, columns: Column[], header: string[]): void;
  rows(rows: RowCells[]): void;
  end(): void;
  backlog(): number;
  finish(): Promise<Buffer>;
  /** Drops what was written (a cancelled export leaves no file). */
  abort(): void;
};
