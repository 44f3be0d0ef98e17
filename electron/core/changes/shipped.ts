import { z } from 'zod';
import type { Stored } from '../../../db/log/codec.ts';

// A transaction as one PC hands it to another: what `export.ts` reads out of the log and `apply.ts` takes in.
// Ids are text here (the log keeps them as 16 bytes); an insert's value is its list of [column, value] pairs.

export type ShippedEntry = {
  table: number;
  row: string;
  col: number;
  value: Stored | Array<[number, Stored]>;
  prev: { hlc: number; node: string } | null;
  /** List columns only: the list the writer saw, when it differs from the replaced entry's value. */
  base?: Stored;
};

export type ShippedTx = {
  node: string;
  hlc: number;
  staff: string | null;
  call: string | null;
  schema: number;
  entries: ShippedEntry[];
};

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const int = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const stored = z.union([z.string(), z.number().refine(Number.isFinite), z.null()]);

const entrySchema = z.object({
  table: int,
  row: z.string().min(1).max(200),
  col: int,
  value: z.union([stored, z.array(z.tuple([int, stored]))]),
  prev: z.object({ hlc: int, node: uuid }).nullable(),
  base: stored.optional(),
});

export const shippedTxSchema = z.object({
  node: uuid,
  hlc: z.unknown(),
  staff: z.string().max(200).nullable(),
  call: z.string().max(200).nullable(),
  schema: int,
  entries: z
    .array(entrySchema)
    .min(1)
    .max(2 ** 20),
});
