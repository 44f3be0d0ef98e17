// A write call may carry a request id (create-core.ts: `call(name, input, { requestId })`): sent again after a
// lost answer, the call is not run twice; it gets the first answer. Both doors take it beside the input, not in
// it (HTTP: this header; IPC: invoke's third argument), and check it with isRequestId before the core sees it.

export const REQUEST_ID_HEADER = 'x-yadocho-request-id';

/** 1 to 100 printable ASCII characters without spaces: a UUID fits, and it stays safe to log and to store. */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,100}$/.test(value);
}
