import { resolve } from 'node:path';
import { CALL_ACCESS } from '../../shared/contract/permissions.ts';
import { type Access, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../../shared/contract/roles.ts';

// The permission table of docs/roles.md, from the code (shared/contract/roles.ts and permissions.ts): which
// role holds which permission and which calls need it. `node electron/launch/roles-table.ts` prints it; a test
// (tests/docs/roles-doc.test.ts) fails when the doc's copy differs.

export function renderRolesTable(): string {
  const callsOf = (access: Access) =>
    Object.entries(CALL_ACCESS)
      .filter(([, needed]) => needed === access)
      .map(([name]) => `\`${name}\``)
      .join(', ');
  const head = ['permission', ...ROLES, 'calls'];
  const rows = [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...PERMISSIONS.map(
      (permission) =>
        `| \`${permission}\` | ${ROLES.map((role) => (ROLE_PERMISSIONS[role].includes(permission) ? '●' : '')).join(' | ')} | ${callsOf(permission) || '(what answers show: see redaction)'} |`,
    ),
    `| *anyone chosen* | ${ROLES.map(() => '●').join(' | ')} | ${callsOf('staff')} |`,
    `| *anyone, also nobody chosen* | ${ROLES.map(() => '●').join(' | ')} | ${callsOf('anyone')} |`,
  ];
  return rows.join('\n');
}

export const ROLES_DOC_PATH = resolve(import.meta.dirname, '../../docs/roles.md');

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(renderRolesTable());
}
