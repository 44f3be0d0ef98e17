import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { contract, ERROR_CODES } from '../../shared/contract/index.ts';
import { JOB_KINDS } from '../../shared/contract/jobs.ts';
import { CALL_ACCESS } from '../../shared/contract/permissions.ts';
import { type Access, ROLE_PERMISSIONS, ROLES } from '../../shared/contract/roles.ts';

/** Who may make a call, in words: the roles holding its permission (docs/roles.md). */
function accessLine(access: Access): string {
  if (access === 'anyone') return 'Access: anyone, also with nobody chosen at this PC.';
  if (access === 'staff') return 'Access: anyone chosen at this PC.';
  const roles = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(access));
  return `Access: \`${access}\` (${roles.join(', ')}).`;
}

// docs/api.md is generated from the contract, so it cannot drift from what the doors accept.
// `npm run docs:api` rewrites it; a test fails when the committed file is out of date.

export function renderApiDoc(): string {
  const lines: string[] = [
    '# API',
    '',
    '<!-- Generated from shared/contract by `npm run docs:api`. Do not edit by hand. -->',
    '',
    'Every call is a name with a JSON input and a JSON output, the same through both doors:',
    '',
    '- **IPC** (Electron): `window.yadocho.invoke(name, input)` from the renderer, via the preload bridge.',
    '- **HTTP**: `POST /api/call/<name>` with the input as a JSON body, `content-type: application/json` and',
    '  the header `x-yadocho-token: <token>` (printed by `npm run serve` in the page address, `#token=…`).',
    '  The content type is matched exactly, in any case, with optional parameters (`application/json;',
    '  charset=utf-8`); another type is refused with 415 (`json_required`), a charset other than UTF-8, or a body',
    '  whose bytes are not UTF-8, too (`utf8_required`). Requests must come from this server’s own page or a',
    '  non-browser client: a foreign `Host` or `Origin` is refused with 403, a missing or wrong token with 401,',
    '  more than one `Host` header',
    '  with 400 (`duplicate_host`), a request target no URL can be made of with 400 (`invalid_url`), a body over',
    '  1 MB with 413 (`body_too_large`, and the connection is closed). An input nested more than 64 levels deep',
    '  is refused as `invalid_input` (`input_too_deep`) before it reaches the core.',
    '- **Events**: `GET /api/events?token=<token>` is a Server-Sent Events stream; after every committed write',
    '  it sends `event: changed` with `data: {"tables": [...]}`. While a long job runs (one of `kind`:',
    `  ${JOB_KINDS.map((kind) => `\`${kind}\``).join(', ')}) it sends \`event: progress\` with`,
    '  `data: {"job", "kind", "done", "total", "state", "step"?}` (`step`: which step of a job of several the',
    '  figures are of), `state` running, then cancelling once asked to stop, and last done, cancelled or failed;',
    '  `jobs.cancel` stops a job, whose call then answers `cancelled`. In Electron:',
    '  `window.yadocho.on("changed" | "progress", cb)`.',
    '',
    'Every string of an input is cleaned once before the checks (shared/text/clean.ts): a lone surrogate',
    'becomes U+FFFD, the text is NFC, and control characters (other than tab and line breaks) and',
    'bidirectional embedding, override and isolate controls are dropped. Text fields are then width-folded',
    'and trimmed by their schemas. What is stored and logged is the cleaned text.',
    '',
    'Every answer is a Result: `{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code", "detail"?, "issues"? } }`.',
    'Expected failures are values with a stable code; `issues` lists `{ path, code, params? }` per invalid field (`params.max`: the limit a too long text or list passed).',
    '',
    '| error code | meaning |',
    '| --- | --- |',
    ...ERROR_CODES.map((code) => `| \`${code}\` | ${ERROR_MEANINGS[code]} |`),
    '',
    'Calls marked *writes* need a staff member chosen at this PC (`staff.setCurrent`); they are recorded in the',
    'change log under that person. Two may write before anyone is chosen, each only while the register has',
    'nothing of its kind: `staff.create` while no member could be chosen (first run), and `demo.load` into a',
    'register without guests; otherwise they answer `no_staff` like the others. Input schemas below are JSON',
    'Schema, generated from the zod contract.',
    '',
    'Every call needs an access (shared/contract/permissions.ts, docs/roles.md), checked before its input is',
    'read: a person whose roles lack the permission is refused with `forbidden` / `forbidden_role`',
    '(`params.permission` names it) and nothing runs; with nobody chosen at this PC only calls open to anyone',
    'are answered, others answer `no_staff` (until the first member exists, everything is open).',
    '',
  ];
  for (const [name, spec] of Object.entries(contract)) {
    lines.push(`## \`${name}\`${spec.writes ? ' (writes)' : ''}`, '', spec.summary, '');
    lines.push(accessLine(CALL_ACCESS[name as keyof typeof CALL_ACCESS]), '');
    lines.push(
      'Input:',
      '',
      '```json',
      JSON.stringify(z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }), null, 2),
      '```',
      '',
    );
    lines.push(
      'Output:',
      '',
      '```json',
      JSON.stringify(z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }), null, 2),
      '```',
      '',
    );
  }
  return lines.join('\n');
}

const ERROR_MEANINGS: Record<(typeof ERROR_CODES)[number], string> = {
  invalid_input: 'the input does not match the call’s schema (see `issues`), or the request was malformed (`detail`)',
  not_found: 'the id names no record',
  conflict: 'the request contradicts what is recorded (`detail` says how)',
  no_staff: 'a write needs the person working at this PC; none is chosen',
  cancelled: 'a long job was stopped (`jobs.cancel`, or the app shut down) before it finished',
  unknown_call: 'no call of that name',
  unauthorized: 'missing or wrong token (HTTP)',
  forbidden:
    'not allowed: a foreign Host or Origin (HTTP, no detail), or the person’s roles, PIN or a staff rule (`detail`: `forbidden_role`, `pin_required`, `pin_wrong`, `staff_locked_out`, …; docs/roles.md)',
  internal: 'a bug; logged on the server',
};

export const API_DOC_PATH = resolve(import.meta.dirname, '../../docs/api.md');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(API_DOC_PATH, renderApiDoc());
  console.log(`wrote ${API_DOC_PATH}`);
}
