import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../electron/main/renderer-files.ts';

const root = path.resolve('/srv/app/dist/renderer');
const resolve = (url: string) => resolveRendererFile(url, 'app://yadocho', root);

describe('resolveRendererFile', () => {
  it('serves files inside the renderer folder, index.html for /', () => {
    expect(resolve('app://yadocho/')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://yadocho/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://yadocho/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolve('app://yadocho/fonts/%E5%AE%BF.woff2')).toBe(path.join(root, 'fonts', '宿.woff2'));
  });

  it('refuses other hosts, schemes and anything outside the folder', () => {
    expect(resolve('app://other/index.html')).toBeNull();
    expect(resolve('file:///etc/passwd')).toBeNull();
    expect(resolve('https://yadocho/index.html')).toBeNull();
    expect(resolve('app://yadocho/%2e%2e/%2e%2e/secret')).toBe(path.join(root, 'secret'));
    expect(resolve('app://yadocho/a/..%2F..%2F..%2Fmain.cjs')).toBeNull();
    expect(resolve('app://yadocho/..%5C..%5Cmain.cjs')).toSatisfy(
      (f: string | null) => f === null || f.startsWith(root + path.sep),
    );
    expect(resolve('app://yadocho/%00.html')).toBeNull();
    expect(resolve('app://yadocho/%E0%A4%A')).toBeNull();
    expect(resolve('not a url')).toBeNull();
  });
});
