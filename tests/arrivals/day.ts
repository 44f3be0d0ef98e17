import { kitchenCore, TODAY } from '../kitchen/helpers.ts';

/**
 * 2026-06-15: the 鈴木 couple (room 10) celebrate an anniversary and 幸子's birthday falls on their second
 * day; they came before. 田中 (room 2) comes for the first time with a child; 高橋 (room 101) has no alerts.
 * A cancelled booking for room 1 and a stay arriving tomorrow are not on the list.
 */
export async function arrivalDay(options: Parameters<typeof kitchenCore>[0] = {}) {
  const k = await kitchenCore(options);
  const { call } = k;
  const ichiro = await k.guest('鈴木', '一郎', '1975-12-01');
  const sachiko = await k.guest('鈴木', '幸子', '1980-06-16');
  const tanaka = await k.guest('田中', '健');
  const takahashi = await k.guest('高橋', '誠', '1990-06-14');
  const friend = await k.guest('佐々木', '学');

  await k.allergy(ichiro, 'wheat', 'allergy');
  await k.allergy(sachiko, 'peanut', 'anaphylaxis');

  const dishes = {
    peanutTofu: await k.dish('落花生豆腐', 'appetizer', ['peanut'], 'らっかせいどうふ'),
    tempura: await k.dish('天ぷら盛り合わせ', 'fried', ['wheat'], 'てんぷら'),
    sashimi: await k.dish('お造り', 'sashimi', [], 'おつくり'),
    ayu: await k.dish('鮎の塩焼き', 'grilled', [], 'あゆ'),
    dessert: await k.dish('水菓子', 'dessert', [], 'みずがし'),
    oldSatay: await k.dish('鶏のピーナッツ焼き', 'grilled', ['peanut', 'chicken'], 'とりのぴーなっつやき'),
  };
  await call('dishes.delete', { id: dishes.oldSatay });

  // 一郎's history: two visits before today (one as a companion), and stays that are not visits.
  const visit2024 = await k.stay(ichiro, {
    arrivalDate: '2024-08-01',
    departureDate: '2024-08-02',
    status: 'departed',
  });
  await k.stay(friend, {
    arrivalDate: '2025-02-01',
    departureDate: '2025-02-03',
    partyIds: [ichiro],
    status: 'departed',
  });
  await k.stay(ichiro, { arrivalDate: '2025-10-01', departureDate: '2025-10-02', status: 'cancelled' });
  await k.stay(ichiro, { arrivalDate: '2023-01-01', departureDate: '2023-01-02', status: 'no_show' });
  const later = await k.stay(ichiro, { arrivalDate: '2026-09-01', departureDate: '2026-09-02' });
  await call('served.record', {
    stayId: visit2024,
    date: '2024-08-01',
    meal: 'dinner',
    dishIds: [dishes.sashimi, dishes.ayu],
  });
  const ayuRow = (await call('served.forStay', { stayId: visit2024 })).served.find(
    (s: { dishId: string }) => s.dishId === dishes.ayu,
  );
  await call('served.react', { id: ayuRow.id, reaction: 'disliked' });

  const suzuki = await k.stay(ichiro, {
    arrivalDate: TODAY,
    departureDate: '2026-06-17',
    rooms: ['10'],
    partyIds: [sachiko],
    adults: 2,
    purpose: 'anniversary',
  });
  const tanakaStay = await k.stay(tanaka, { rooms: ['2'], adults: 1, children: 1, departureDate: '2026-06-16' });
  const takahashiStay = await k.stay(takahashi, { rooms: ['101', '102'], adults: 2 });
  const cancelled = await k.stay(friend, { rooms: ['1'], status: 'cancelled' });
  const tomorrow = await k.stay(friend, { arrivalDate: '2026-06-16', departureDate: '2026-06-17', rooms: ['3'] });

  const forStay = await call('requests.record', {
    guestId: ichiro,
    stayId: suzuki,
    category: 'celebration',
    text: 'ケーキを用意',
  });
  const handled = await call('requests.record', { guestId: ichiro, stayId: suzuki, category: 'room', text: '加湿器' });
  await call('requests.setStatus', { id: handled.id, status: 'done' });
  const standing = await call('requests.record', {
    guestId: sachiko,
    standing: true,
    category: 'care',
    text: '低めの枕',
  });
  await call('requests.record', { guestId: ichiro, stayId: later, category: 'meals', text: '秋は松茸' });

  const courseId = await k.course('夏の会席', [dishes.peanutTofu, dishes.sashimi, dishes.dessert]);
  const menu = await call('menus.plan', { stayId: suzuki, date: TODAY, meal: 'dinner', courseId });

  return {
    ...k,
    ichiro,
    sachiko,
    dishes,
    visit2024,
    suzuki,
    tanakaStay,
    takahashiStay,
    cancelled,
    tomorrow,
    forStay,
    standing,
    menu,
  };
}
