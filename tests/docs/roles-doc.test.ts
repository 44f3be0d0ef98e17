import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ROLES_DOC_PATH, renderRolesTable } from '../../electron/launch/roles-table.ts';

it('docs/roles.md shows the permission table as the code has it (node electron/launch/roles-table.ts prints it)', () => {
  expect(readFileSync(ROLES_DOC_PATH, 'utf8')).toContain(renderRolesTable());
});
