import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostcodeBook } from '../../electron/core/addresses/postcode-book.ts';
import { fromKenAll, write } from '../../resources/postcodes/build.ts';
import { decodeKenAll, townOf } from '../../resources/postcodes/ken-all.ts';

// Refreshing the postcodes from Japan Post's own file (npm run postcodes:build -- --ken-all utf_ken_all.csv):
// lines in KEN_ALL's format, with its quirks, through the script into a book the core reads.

const KEN_ALL = [
  '13101,"100  ","1000000","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ","東京都","千代田区","以下に掲載がない場合",0,0,0,0,0,0',
  '13101,"100  ","1000001","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾁﾖﾀﾞ","東京都","千代田区","千代田",0,0,0,0,0,0',
  '13101,"100  ","1000004","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｵｵﾃﾏﾁ(ﾂｷﾞﾉﾋﾞﾙｦﾉｿﾞｸ)","東京都","千代田区","大手町（次のビルを除く）",0,0,1,0,0,0',
  '13101,"100  ","1006090","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｶｽﾐｶﾞｾｷ","東京都","千代田区","霞が関霞が関ビル（地階・階層不明）",0,0,0,0,0,0',
  '13362,"10003","1000301","ﾄｳｷｮｳﾄ","ﾄｼﾏﾑﾗ","ﾄｼﾏﾑﾗｲﾁｴﾝ","東京都","利島村","利島村一円",0,0,0,0,0,0',
  // A long name over two lines of one postcode, inside an open parenthesis.
  '01101,"060  ","0600042","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｵｵﾄﾞｵﾘﾆｼ","北海道","札幌市中央区","大通西（１～",0,0,1,0,0,0',
  '01101,"060  ","0600042","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","","北海道","札幌市中央区","１９丁目）",0,0,1,0,0,0',
  '19442,"409  ","4090142","ﾔﾏﾅｼｹﾝ","ｷﾀﾂﾙｸﾞﾝｺｽｹﾞﾑﾗ","","山梨県","北都留郡小菅村","小菅村の次に１～６６３番地がくる場合",0,0,0,0,0,0',
  '23235,"498  ","4980000","ｱｲﾁｹﾝ","ﾔﾄﾐｼ","","愛知県","弥富市","以下に掲載がない場合",0,0,0,0,0,0',
  '24341,"498  ","4980000","ﾐｴｹﾝ","ｸﾜﾅｸﾞﾝｷｿｻｷﾁｮｳ","","三重県","桑名郡木曽岬町","以下に掲載がない場合",0,0,0,0,0,0',
  '25443,"52203","5220341","ｼｶﾞｹﾝ","ｲﾇｶﾐｸﾞﾝﾀｶﾞﾁｮｳ","ｲﾁｴﾝ","滋賀県","犬上郡多賀町","一円",0,0,0,0,0,0',
].join('\r\n');

const dir = mkdtempSync(path.join(tmpdir(), 'yadocho-ken-all-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Japan Post’s KEN_ALL file', () => {
  it('becomes a book that answers as a desk writes addresses', () => {
    const csv = path.join(dir, 'utf_ken_all.csv');
    writeFileSync(csv, `\ufeff${KEN_ALL}\r\n`);
    const book = path.join(dir, 'postcodes.tsv.gz');
    write(fromKenAll(csv), book);
    const postcodes = createPostcodeBook(book);
    const addresses = (postcode: string) => postcodes.lookup(postcode).map((candidate) => candidate.address);

    expect(addresses('1000000')).toEqual(['東京都千代田区']);
    expect(addresses('1000001')).toEqual(['東京都千代田区千代田']);
    expect(addresses('1000004')).toEqual(['東京都千代田区大手町']);
    expect(addresses('1006090')).toEqual(['東京都千代田区霞が関霞が関ビル']);
    expect(addresses('1000301')).toEqual(['東京都利島村']);
    expect(addresses('0600042')).toEqual(['北海道札幌市中央区大通西']);
    expect(addresses('4090142')).toEqual(['山梨県北都留郡小菅村']);
    expect(addresses('4980000')).toEqual(['愛知県弥富市', '三重県桑名郡木曽岬町']);
    expect(addresses('5220341')).toEqual(['滋賀県犬上郡多賀町一円']); // a real town named 一円
    expect(addresses('1000002')).toEqual([]);
  });

  it('is read as Shift_JIS when it is not UTF-8 (KEN_ALL.CSV as Japan Post zips it)', () => {
    expect(decodeKenAll(Uint8Array.from([0x93, 0x8c, 0x8b, 0x9e, 0x93, 0x73]))).toBe('東京都');
    expect(decodeKenAll(new TextEncoder().encode('\ufeff東京都'))).toBe('東京都');
  });

  it('names no town for the whole of a village, but keeps a town that is called 一円', () => {
    expect(townOf('御蔵島村一円', '御蔵島村')).toBe('');
    expect(townOf('一円', '犬上郡多賀町')).toBe('一円');
  });
});
