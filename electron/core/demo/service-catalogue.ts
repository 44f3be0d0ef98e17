// The fixed vocabulary of the benchmark's service data: dishes with the allergens they really carry,
// request texts under each category, free allergens, staff. The generator picks from these with a seeded
// PRNG; changing this file changes the data (it is part of the service layer's cache key).

/** A dish as the kitchen names it, its category, and the catalogue codes of its allergens. */
export const DISH_BASES: ReadonlyArray<[name: string, category: string, allergens: readonly string[]]> = [
  ['胡麻豆腐', 'appetizer', ['sesame']],
  ['八寸盛り合わせ', 'appetizer', ['egg', 'shrimp', 'soybean', 'wheat']],
  ['白和え', 'appetizer', ['soybean', 'sesame']],
  ['蟹の酢の物', 'appetizer', ['crab', 'wheat', 'soybean']],
  ['くるみ豆腐', 'appetizer', ['walnut', 'soybean']],
  ['いくらおろし', 'appetizer', ['salmon_roe', 'soybean', 'wheat']],
  ['土瓶蒸し', 'soup', ['shrimp', 'wheat', 'soybean']],
  ['蛤の潮汁', 'soup', []],
  ['海老真丈の椀', 'soup', ['shrimp', 'egg', 'yam']],
  ['赤出汁', 'soup', ['soybean']],
  ['白味噌仕立て', 'soup', ['soybean', 'wheat']],
  ['鯛の造り', 'sashimi', []],
  ['鮪と烏賊の造り', 'sashimi', ['squid']],
  ['鮭の昆布締め', 'sashimi', ['salmon']],
  ['甘海老の造り', 'sashimi', ['shrimp']],
  ['鮑の造り', 'sashimi', ['abalone']],
  ['鰆の西京焼き', 'grilled', ['soybean', 'wheat']],
  ['鮎の塩焼き', 'grilled', []],
  ['牛ロースの朴葉焼き', 'grilled', ['beef', 'soybean', 'wheat']],
  ['鰻の蒲焼', 'grilled', ['soybean', 'wheat']],
  ['鶏の柚庵焼き', 'grilled', ['chicken', 'soybean', 'wheat']],
  ['鯖の塩焼き', 'grilled', ['mackerel']],
  ['鰤大根', 'simmered', ['soybean', 'wheat']],
  ['豚の角煮', 'simmered', ['pork', 'soybean', 'wheat']],
  ['炊き合わせ', 'simmered', ['shrimp', 'soybean', 'wheat']],
  ['海老芋の含め煮', 'simmered', ['soybean']],
  ['鯛のあら煮', 'simmered', ['soybean', 'wheat']],
  ['天ぷら盛り合わせ', 'fried', ['shrimp', 'wheat', 'egg']],
  ['蟹の唐揚げ', 'fried', ['crab', 'wheat']],
  ['鶏の竜田揚げ', 'fried', ['chicken', 'wheat', 'soybean']],
  ['揚げ出し豆腐', 'fried', ['soybean', 'wheat']],
  ['茶碗蒸し', 'steamed', ['egg', 'shrimp', 'chicken', 'soybean']],
  ['蕪蒸し', 'steamed', ['egg', 'yam']],
  ['鯛の酒蒸し', 'steamed', []],
  ['鯛めし', 'rice', ['soybean', 'wheat']],
  ['手打ち蕎麦', 'rice', ['buckwheat', 'wheat', 'soybean']],
  ['鮭いくらご飯', 'rice', ['salmon', 'salmon_roe', 'soybean']],
  ['白ご飯と香の物', 'rice', []],
  ['稲庭うどん', 'rice', ['wheat', 'soybean']],
  ['季節の果物', 'dessert', ['orange', 'kiwi']],
  ['わらび餅', 'dessert', ['soybean']],
  ['抹茶アイス', 'dessert', ['milk', 'egg']],
  ['柚子シャーベット', 'dessert', []],
  ['杏仁豆腐', 'dessert', ['milk', 'almond']],
  ['桃のコンポート', 'dessert', ['peach', 'gelatin']],
  ['焼き鮭', 'breakfast', ['salmon']],
  ['出汁巻き玉子', 'breakfast', ['egg', 'soybean', 'wheat']],
  ['湯豆腐', 'breakfast', ['soybean']],
  ['納豆', 'breakfast', ['soybean']],
  ['鯵の干物', 'breakfast', []],
  ['ヨーグルトとりんご', 'breakfast', ['milk', 'apple']],
];

/** Each base dish is made in a version per season: 51 × 4 ≈ 200 dishes. */
export const SEASONS = ['春', '夏', '秋', '冬'] as const;

/** The dinner of a course: one dish of each, in serving order (fried or steamed by tier). */
export const DINNER_ORDER = ['appetizer', 'soup', 'sashimi', 'grilled', 'simmered', 'fried', 'rice', 'dessert'];

/** Course tiers, each made in every season: 5 × 4 = 20 courses. */
export const COURSE_TIERS: ReadonlyArray<[name: string, priceYen: number]> = [
  ['梅', 12_000],
  ['竹', 18_000],
  ['松', 26_000],
  ['特選', 38_000],
  ['お子さま', 6_000],
];

/** Catalogue allergens as guests report them: the mandatory eight far more often than the rest. */
export const REPORTED_ALLERGENS: ReadonlyArray<[code: string, weight: number]> = [
  ['egg', 14],
  ['milk', 10],
  ['wheat', 9],
  ['shrimp', 9],
  ['crab', 7],
  ['buckwheat', 6],
  ['peanut', 4],
  ['walnut', 3],
  ['salmon_roe', 3],
  ['squid', 2],
  ['abalone', 1],
  ['mackerel', 2],
  ['soybean', 2],
  ['sesame', 2],
  ['kiwi', 2],
  ['peach', 1],
  ['apple', 1],
  ['beef', 1],
  ['chicken', 1],
  ['pork', 1],
  ['yam', 1],
  ['salmon', 1],
  ['almond', 1],
  ['cashew', 1],
  ['banana', 1],
  ['gelatin', 1],
  ['orange', 1],
  ['macadamia', 1],
];

/** Outside the labelling list; the kitchen checks these by hand. */
export const FREE_ALLERGENS = ['アルコール', '生もの', '貝類', 'パクチー', '辛いもの', '青魚'];

export const SEVERITY_WEIGHTS: ReadonlyArray<[severity: string, weight: number, tracesOk: number]> = [
  ['anaphylaxis', 7, 0],
  ['allergy', 38, 0.25],
  ['intolerance', 20, 0.6],
  ['dislike', 35, 0.9],
];

export const ALLERGY_NOTES = ['', '', '', '', 'エピペン携帯', '加熱すれば可', '出汁も不可', 'お子さま', '本人申告'];

export const REQUEST_TEXTS: ReadonlyArray<[category: string, weight: number, texts: readonly string[]]> = [
  ['meals', 30, ['夕食を19時からに', '朝食は和食で', 'ご飯少なめ', '日本酒の冷やを用意', '夕食は部屋食希望']],
  ['room', 20, ['和室を希望', '枕を低いものに', '加湿器を用意', '禁煙室', '浴衣を大きめサイズで']],
  ['transport', 12, ['駅まで送迎 15時着', 'タクシーを9時に手配', '駐車場2台分']],
  ['celebration', 10, ['結婚記念日 ケーキ', '誕生日に花束', '還暦祝い 赤いちゃんちゃんこ']],
  ['care', 8, ['車椅子を用意', '手すりのある部屋', '段差の少ない部屋']],
  ['children', 8, ['ベビーベッド', 'お子さま用食器', '子ども用浴衣']],
  ['complaint', 4, ['前回の騒音のお詫びを', '前回料理提供が遅れた件']],
  ['other', 8, ['チェックアウトを11時に', '荷物を先に送付', '領収書を会社名で']],
];

/** Asked for on every visit. */
export const STANDING_TEXTS: ReadonlyArray<[category: string, text: string]> = [
  ['room', '毎回 和室・禁煙'],
  ['room', '枕は低いもの'],
  ['meals', '朝食は洋食'],
  ['meals', 'ビールはキリン'],
  ['care', '大浴場の手すり側の部屋'],
  ['other', '新聞は日経'],
];

export const PLANS = ['1泊2食付き 和室', '1泊2食付き 露天風呂付き客室', '記念日プラン', '素泊まり', '連泊プラン'];
export const PURPOSES = ['sightseeing', 'business', 'anniversary', 'birthday', 'celebration', 'memorial', 'family'];
export const CHANNELS = ['phone', 'walk_in', 'own_website', 'ota', 'travel_agent', 'other'];

/** Staff added by the service layer (the guests layer has 女将 山田). */
export const SERVICE_STAFF: ReadonlyArray<[name: string, reading: string]> = [
  ['支配人 佐藤', 'さとう'],
  ['フロント 鈴木', 'すずき'],
  ['フロント 高橋', 'たかはし'],
  ['仲居 田中', 'たなか'],
  ['仲居 伊藤', 'いとう'],
  ['料理長 渡辺', 'わたなべ'],
  ['調理 中村', 'なかむら'],
];

/** A 100-room inn: floors 1–10, rooms 01–10 on each. */
export const ROOMS = Array.from({ length: 100 }, (_, i) => String((Math.floor(i / 10) + 1) * 100 + (i % 10) + 1));
