import { describe, expect, it } from 'vitest';
import { allergen } from '../kitchen/helpers.ts';
import { salesDesk } from './helpers.ts';

// The course of a banquet against the allergies of its organiser and of attendees who are guests on record.

describe('the allergy check of a banquet’s course', () => {
  it('flags a dish with egg for an attendee with egg anaphylaxis, and offers alternatives', async () => {
    const desk = await salesDesk();
    const organiser = await desk.guest('山田', '太郎');
    const attendee = await desk.guest('鈴木', '次郎', 'すずき');
    await desk.call('allergies.record', {
      guestId: attendee,
      allergenId: allergen('egg'),
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const dish = async (name: string, category: string, allergens: string[]) =>
      (await desk.call('dishes.create', { fields: { name, category, allergenIds: allergens.map(allergen) } }))
        .id as string;
    const chawanmushi = await dish('茶碗蒸し', 'steamed', ['egg']);
    const sashimi = await dish('お造り', 'sashimi', []);
    const goma = await dish('胡麻豆腐', 'steamed', []);
    const course = (await desk.call('courses.create', { fields: { name: '宴会A', dishIds: [sashimi, chawanmushi] } }))
      .id;
    const id = await desk.deal(organiser, { courseId: course, attendeeIds: [attendee] });
    const { allergyCheck, banquet } = await desk.call('banquets.get', { id });
    expect(banquet.courseName).toBe('宴会A');
    expect(allergyCheck.allergies).toEqual([
      expect.objectContaining({ guestId: attendee, guestName: '鈴木 次郎', severity: 'anaphylaxis' }),
    ]);
    expect(
      allergyCheck.dishes.map((d: { dishName: string; worstSeverity: string | null }) => [d.dishName, d.worstSeverity]),
    ).toEqual([
      ['お造り', null],
      ['茶碗蒸し', 'anaphylaxis'],
    ]);
    expect(allergyCheck.dishes[1].allergies[0]).toMatchObject({ guestName: '鈴木 次郎', allergenId: allergen('egg') });
    expect(allergyCheck.dishes[1].alternatives).toEqual([{ dishId: goma, name: '胡麻豆腐' }]);

    // Without a course there is nothing to flag, but the party's allergies are still shown.
    const noCourse = await desk.call('banquets.update', { id, fields: { courseId: null } });
    expect(noCourse.allergyCheck.dishes).toEqual([]);
    expect(noCourse.allergyCheck.allergies).toHaveLength(1);
  });
});
