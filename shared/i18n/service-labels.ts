// Translated names of the service domain's fixed codes, and the words of the printed sheets.
// They live in shared/ because two places print them: the renderer (via i18next, under `codes.*` and
// `sheet.*`) and the core's PDF maker. ja and en have the same keys (tests/i18n/locales.test.ts), but for
// English's x_one beside a counted message's x_other (shared/i18n/translation.ts).

import type { Translation } from './translation.ts';

const ja = {
  codes: {
    stayStatus: { booked: '予約', in_house: '滞在中', departed: '出発済', cancelled: 'キャンセル', no_show: '不泊' },
    purpose: {
      sightseeing: '観光',
      business: 'ビジネス',
      anniversary: '記念日',
      birthday: '誕生日',
      celebration: 'お祝い',
      memorial: '法事',
      family: '家族旅行',
      other: 'その他',
    },
    channel: {
      phone: '電話',
      walk_in: '飛び込み',
      own_website: '自社サイト',
      ota: 'OTA（予約サイト）',
      travel_agent: '旅行会社',
      other: 'その他',
    },
    allergenClass: { mandatory: '特定原材料（義務）', recommended: '準ずるもの（推奨）', other: '独自' },
    severity: { anaphylaxis: 'アナフィラキシー', allergy: 'アレルギー', intolerance: '不耐症', dislike: '苦手' },
    allergyState: { current: '有効', superseded: '訂正済', retracted: '取消' },
    requestCategory: {
      meals: '食事',
      room: '客室',
      transport: '送迎・交通',
      celebration: '記念日・お祝い',
      care: '健康・介助',
      children: 'お子さま',
      complaint: '苦情',
      other: 'その他',
    },
    requestStatus: { open: '未対応', done: '対応済', cancelled: '取消' },
    dishCategory: {
      appetizer: '先付・前菜',
      soup: '椀物',
      sashimi: '造り',
      grilled: '焼物',
      simmered: '煮物',
      fried: '揚物',
      steamed: '蒸物',
      rice: '食事',
      dessert: '水菓子',
      breakfast: '朝食',
      drink: '飲物',
      other: 'その他',
    },
    meal: { dinner: '夕食', breakfast: '朝食', lunch: '昼食', banquet: '宴会' },
    reaction: { praised: '好評', left: '残された', disliked: '苦手' },
    avoidReason: { allergen: 'アレルゲン', served: '前回提供', left: '残された', disliked: '苦手' },
  },
  sheet: {
    briefingTitle: '客室別ご案内シート',
    kitchenTitle: '調理場シート',
    date: '{{date}}',
    room: '部屋',
    guest: 'お客様',
    /** The party: {{adults}} and {{children}} are adults_other and children_other, counted. */
    party: '{{adults}}・{{children}}',
    adults_other: '大人{{count}}名',
    children_other: '子ども{{count}}名',
    nights_other: '{{count}}泊',
    parties_other: '{{count}}組',
    plan: 'プラン',
    visits: 'ご来館{{count}}回目',
    firstVisit: '初めてのご来館',
    lastVisit: '前回 {{date}}',
    /** The lead guest's rank (顧客ランク), before the visits. */
    rank: 'ランク {{name}}',
    allergies: 'アレルギー・食事制限',
    /** The kitchen sheet's row label, beside the room's allergies. */
    allergiesShort: 'アレルギー',
    tracesOk: 'コンタミ可',
    tracesNotOk: 'コンタミ不可',
    reconfirm: '要再確認',
    requests: 'ご要望',
    standing: '毎回',
    celebrations: 'お祝い',
    birthdayOn: '{{name}} 様 お誕生日 {{date}}',
    dishesToAvoid: '避ける料理',
    moreDishes_other: 'ほか{{count}}品（お客様カードの料理履歴に全件）',
    menu: '献立',
    /** An allergen no dish records, under a planned menu: the kitchen checks it by hand. */
    unchecked: '※ {{name}}: {{severity}}（{{guest}}）',
    /** After a room's name where its block goes on over a page break. */
    continued: '（続き）',
    none: 'なし',
    noArrivals: 'この日の到着はありません',
    printedAt: '{{at}} 印刷',
    page: '{{page}} / {{pages}}',
  },
};

/** What every language has: the Japanese keys (English adds the x_one of its counted messages). */
export type ServiceLabels = typeof ja;

const en: Translation<typeof ja> = {
  codes: {
    stayStatus: {
      booked: 'Booked',
      in_house: 'In house',
      departed: 'Departed',
      cancelled: 'Cancelled',
      no_show: 'No-show',
    },
    purpose: {
      sightseeing: 'Sightseeing',
      business: 'Business',
      anniversary: 'Anniversary',
      birthday: 'Birthday',
      celebration: 'Celebration',
      memorial: 'Memorial',
      family: 'Family trip',
      other: 'Other',
    },
    channel: {
      phone: 'Phone',
      walk_in: 'Walk-in',
      own_website: 'Own website',
      ota: 'Booking site (OTA)',
      travel_agent: 'Travel agent',
      other: 'Other',
    },
    allergenClass: { mandatory: 'Mandatory (特定原材料)', recommended: 'Recommended', other: 'Own' },
    severity: { anaphylaxis: 'Anaphylaxis', allergy: 'Allergy', intolerance: 'Intolerance', dislike: 'Dislike' },
    allergyState: { current: 'Current', superseded: 'Corrected', retracted: 'Retracted' },
    requestCategory: {
      meals: 'Meals & drinks',
      room: 'Room & amenities',
      transport: 'Transport',
      celebration: 'Celebration',
      care: 'Health & care',
      children: 'Children',
      complaint: 'Complaint',
      other: 'Other',
    },
    requestStatus: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
    dishCategory: {
      appetizer: 'Appetizer',
      soup: 'Soup',
      sashimi: 'Sashimi',
      grilled: 'Grilled',
      simmered: 'Simmered',
      fried: 'Fried',
      steamed: 'Steamed',
      rice: 'Rice course',
      dessert: 'Dessert',
      breakfast: 'Breakfast',
      drink: 'Drink',
      other: 'Other',
    },
    meal: { dinner: 'Dinner', breakfast: 'Breakfast', lunch: 'Lunch', banquet: 'Banquet' },
    reaction: { praised: 'Praised', left: 'Left uneaten', disliked: 'Disliked' },
    avoidReason: { allergen: 'Allergen', served: 'Served before', left: 'Left uneaten', disliked: 'Disliked' },
  },
  sheet: {
    briefingTitle: 'Room briefing sheet',
    kitchenTitle: 'Kitchen sheet',
    date: '{{date}}',
    room: 'Room',
    guest: 'Guest',
    party: '{{adults}}, {{children}}',
    adults_one: '{{count}} adult',
    adults_other: '{{count}} adults',
    children_one: '{{count}} child',
    children_other: '{{count}} children',
    nights_one: '{{count}} night',
    nights_other: '{{count}} nights',
    parties_one: '{{count}} party',
    parties_other: '{{count}} parties',
    plan: 'Plan',
    visits: 'Visit no. {{count}}',
    firstVisit: 'First visit',
    lastVisit: 'Last {{date}}',
    rank: 'Rank {{name}}',
    allergies: 'Allergies and dietary needs',
    allergiesShort: 'Allergies',
    tracesOk: 'traces OK',
    tracesNotOk: 'no traces',
    reconfirm: 'Re-confirm',
    requests: 'Requests',
    standing: 'Every visit',
    celebrations: 'Celebrations',
    birthdayOn: "{{name}}'s birthday {{date}}",
    dishesToAvoid: 'Dishes to avoid',
    moreDishes_one: 'and {{count}} more dish (all in the guest card’s dish history)',
    moreDishes_other: 'and {{count}} more dishes (all in the guest card’s dish history)',
    menu: 'Menu',
    unchecked: '※ {{name}}: {{severity}} ({{guest}})',
    continued: ' (continued)',
    none: 'None',
    noArrivals: 'No arrivals on this day',
    printedAt: 'Printed {{at}}',
    page: '{{page}} / {{pages}}',
  },
};

export const SERVICE_LABELS = { ja, en } as const;

/** A tiny `{{name}}` filler for the PDF maker, the same syntax i18next uses in the renderer. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * A counted message filled for the PDF maker as i18next does on screen: the form the language's plural rules
 * choose for `count` (key_one, key_other…), else key_other (Japanese's only form).
 */
export function fillCount(
  messages: Readonly<Record<string, unknown>>,
  key: string,
  count: number,
  lang: 'ja' | 'en',
): string {
  const chosen = messages[`${key}_${new Intl.PluralRules(lang).select(count)}`] ?? messages[`${key}_other`];
  return fill(typeof chosen === 'string' ? chosen : key, { count });
}
