import type { BanquetType, LOST_REASONS, Stage } from '../../../shared/contract/banquets.ts';

// What the sample banquets are made of: the four halls, the inns nearby that deals are lost to, and the shape
// of each banquet type (headcount, layouts, the months it is mostly held in).

export type HallPlan = {
  id: string;
  name: string;
  seated: number;
  standing: number;
  theatre: number;
  combinable_with: string;
};
export type Layout = 'seated' | 'standing' | 'theatre';

export const HALLS = [
  { name: '松の間', capacity: [60, 80, 90], note: '襖を外すと竹の間と続きの大広間（着席90名）' },
  { name: '竹の間', capacity: [30, 40, 40], note: '松の間と続き間' },
  { name: '梅の間', capacity: [20, 0, 24], note: '庭に面した座敷。法要向き' },
  { name: '萩の間', capacity: [12, 0, 16], note: '個室。少人数の会食・打合せ' },
] as const;

/** Inns, hotels and restaurants nearby that deals are lost to. */
export const COMPETITORS = ['ホテル松風', '料亭 花月', '旅館 白鷺', '割烹 みやび', '湯元 つるや', 'グランドホテル城山'];

export const LOST_NOTES: Record<(typeof LOST_REASONS)[number], string> = {
  price: '一人あたり二千円安い見積もりが出たとのこと',
  date_unavailable: '希望日に大広間の空きがなく他館に',
  capacity: '人数が増えて当館では入りきらず',
  cuisine: '洋食のコースを希望された',
  location: '駅からの送迎がない点で見送り',
  facilities: 'プロジェクターと音響設備のある会場を選ばれた',
  response: '見積もりの返答が遅れ、先に決められてしまった',
  plan_cancelled: '催し自体が取りやめに',
  other: '幹事の方の知り合いの店に決定',
};
export const CANCEL_NOTES = ['参加者が集まらず中止', '台風接近のため中止', '社内事情により延期（日程未定）'];
export const DRINKS = ['飲み放題（2時間）', '飲み放題（90分）', 'ビール・ソフトドリンクのみ'];
export const DECEASED_GIVEN = ['一郎', '正雄', '茂', '和子', 'キヨ', 'トシ子', '勝', '久子'];
export const STAFF_NOTES = ['送迎バス希望（駅から）', '上座に花を用意', '乾杯の挨拶あり。マイク1本', '', '', ''];

/** Headcount range, layouts and the months a type is mostly held in (empty: any month). */
export const TYPE_SHAPE: Record<BanquetType, { people: [number, number]; layouts: Layout[]; months: number[] }> = {
  bonenkai: { people: [15, 60], layouts: ['seated', 'seated', 'standing'], months: [12] },
  shinnenkai: { people: [15, 50], layouts: ['seated'], months: [1] },
  farewell: { people: [10, 40], layouts: ['seated', 'standing'], months: [3, 4] },
  memorial: { people: [8, 20], layouts: ['seated'], months: [] },
  wedding: { people: [40, 85], layouts: ['seated'], months: [4, 5, 10, 11] },
  meeting: { people: [8, 40], layouts: ['theatre'], months: [] },
  social: { people: [15, 60], layouts: ['seated', 'standing'], months: [] },
  other: { people: [8, 30], layouts: ['seated'], months: [] },
};
export const TYPE_WEIGHT: Record<BanquetType, number> = {
  bonenkai: 6,
  shinnenkai: 3,
  farewell: 3,
  memorial: 4,
  wedding: 1,
  meeting: 3,
  social: 3,
  other: 1,
};
export const TYPES = Object.keys(TYPE_WEIGHT) as BanquetType[];

export type DealPlan = {
  type: BanquetType;
  date: string;
  stage: Stage;
  /** The memorial service whose date of death the follow-up calls count from. */
  dateOfDeath?: string;
  holdExpiresOn?: string;
};

export const SLOTS: Record<'day' | 'evening', [string, string]> = {
  day: ['11:30', '14:00'],
  evening: ['18:00', '20:30'],
};
