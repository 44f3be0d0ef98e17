// Nationalities as ISO 3166-1 alpha-2 codes (JP, US, KR…), the form the 宿泊者名簿 keeps them in: a code does
// not change with the screen's language or a country's renaming, and another system reads it as it is. The
// name shown is the runtime's own (Intl.DisplayNames), in the screen's or the sheet's language. XK (Kosovo)
// is not assigned by ISO but is what its passports carry, so it is accepted too.

const CODES = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
  BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
  CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
  TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS XK YE YT ZA ZM ZW`;

export const COUNTRY_CODES: readonly string[] = CODES.trim().split(/\s+/);
const KNOWN = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return KNOWN.has(code);
}

const namers = new Map<string, Intl.DisplayNames>();

/** The country's name in a language ('ja' → アメリカ合衆国); the code itself when the runtime cannot name it. */
export function countryName(code: string, lang: string): string {
  if (code === '') return '';
  let namer = namers.get(lang);
  if (!namer) {
    namer = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
    namers.set(lang, namer);
  }
  return namer.of(code) ?? code;
}

/** Every country as a choice, sorted by its name in the language (the collation of that language). */
export function countryChoices(lang: string): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(lang);
  return COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/**
 * A passport number as printed: letters and digits, upper case. Typed with spaces or hyphens, in full width or
 * lower case, it is read the same (ｔｚ１２３４５６７ → TZ1234567); whether what remains is a passport number is
 * isPassportNumber's question.
 */
export function foldPassportNumber(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\-‐－ー―]/g, '')
    .toUpperCase();
}

/** 5 to 20 letters and digits: ICAO documents print 9, some countries fewer or more. */
export function isPassportNumber(text: string): boolean {
  return /^[A-Z0-9]{5,20}$/.test(text);
}
