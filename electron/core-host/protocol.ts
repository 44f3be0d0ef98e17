import type { JobProgress } from '../../shared/contract/jobs.ts';
import type { Result } from '../../shared/contract/result.ts';
import type { CallOptions } from '../core/create-core.ts';
import type { OpenCoreOptions } from './open-core.ts';

// The messages between the host (the doors' thread) and the core's worker. Plain data, structured-cloned by
// postMessage. A call carries an id the host chose; the worker answers it once, with the call's Result.
//
//   host → worker   call { id, name, input, options }   close
//   worker → host   ready { nodeId } (again after a restore, with the new one)   result { id, result }   changed { tables }   progress { progress }   closed

/** What the worker is started with (workerData). `quiet`: log only warnings and errors. */
export type WorkerStart = Omit<OpenCoreOptions, 'logger' | 'restore'> & { quiet?: boolean };

export type ToWorker =
  | { type: 'call'; id: number; name: string; input: unknown; options?: CallOptions }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; nodeId: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'changed'; tables: string[] }
  | { type: 'progress'; progress: JobProgress }
  | { type: 'closed' };
