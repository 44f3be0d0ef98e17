import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC_PATH, renderApiDoc } from '../../electron/launch/api-doc.ts';
import { CALL_NAMES } from '../../shared/contract/index.ts';

describe('docs/api.md', () => {
  it('is the one generated from the contract (run `npm run docs:api` after changing a call)', () => {
    const committed = readFileSync(API_DOC_PATH, 'utf8');
    expect(committed).toBe(renderApiDoc());
    for (const name of CALL_NAMES) expect(committed).toContain(`## \`${name}\``);
  });
});
