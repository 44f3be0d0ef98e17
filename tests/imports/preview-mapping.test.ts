// The mapping problems the import preview answers, through the core's door: each by its code, which the screen
// and the CLI translate (imports.mappingIssue.*), for a ledger whose header the person has to map by hand.

import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES } from '../../shared/contract/files.ts';
import { MAPPING_ISSUES } from '../../shared/contract/import-codes.ts';
import { FINE_SLICES, makeStaffedCore, type TestCore } from '../support/core.ts';

async function upload(test: TestCore, name: string, text: string): Promise<string> {
  const bytes = Buffer.from(text, 'utf8');
  expect(bytes.length).toBeLessThan(FILE_CHUNK_BYTES);
  const answer = await test.call('files.upload', {
    name,
    size: bytes.length,
    offset: 0,
    chunk: bytes.toString('base64'),
  });
  return answer.upload as string;
}

describe('the mapping problems of an import preview', () => {
  it('answers each problem by its code: no name column, stay columns without an arrival', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    // 担当 and 区分 name no field; 電話 and 部屋 do, but there is no name and no arrival column.
    const id = await upload(test, '台帳.csv', '担当,電話,部屋,区分\r\n佐藤,03-1234-5678,201,A\r\n');
    const preview = await test.call('imports.preview', { upload: id });
    expect(preview.mapping).toEqual([null, 'phone', 'rooms', null]);
    expect(preview.mappingIssues).toEqual(['needs_name', 'stay_without_arrival']);
    for (const code of preview.mappingIssues) expect(MAPPING_ISSUES).toContain(code);
  });

  it('answers none for a mapping that can be imported', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    const id = await upload(test, '台帳.csv', '氏名,フリガナ,電話\r\n山田 太郎,ヤマダ タロウ,03-1234-5678\r\n');
    const preview = await test.call('imports.preview', { upload: id });
    expect(preview.mappingIssues).toEqual([]);
  });
});
