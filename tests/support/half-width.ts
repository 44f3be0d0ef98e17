// Kana as old reservation systems and Excel sheets hold them: half-width katakana (ｽｽﾞｷ ｲﾁﾛｳ), for tests and the
// bench to write ledgers with. The app reads it back with shared/text/width.ts.

const HALF: Record<string, string> = {};
{
  const full =
    'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー';
  const half = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ';
  for (let i = 0; i < full.length; i++) HALF[full[i] as string] = half[i] as string;
  const voiced = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
  const plain = 'カキクケコサシスセソタチツテトハヒフヘホ';
  for (let i = 0; i < voiced.length; i++) HALF[voiced[i] as string] = `${HALF[plain[i] as string]}ﾞ`;
  const semi = 'パピプペポ';
  for (let i = 0; i < semi.length; i++) HALF[semi[i] as string] = `${HALF['ハヒフヘホ'[i] as string]}ﾟ`;
}

/** Hiragana to katakana (full width). */
export const toKatakana = (hira: string) =>
  hira.replace(/[ぁ-ゖ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));

/** Hiragana or katakana to half-width katakana. */
export const toHalfWidthKatakana = (kana: string) => [...toKatakana(kana)].map((ch) => HALF[ch] ?? ch).join('');
