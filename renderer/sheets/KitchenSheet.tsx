import { useTranslation } from 'react-i18next';
import type { Arrivals } from '../../shared/contract/arrivals.ts';
import { fullName } from '../guests/names.ts';
import { allergenName, formatDayWithWeekday, formatParty } from '../service/format.ts';
import styles from './PrintPage.module.css';
import { menuFlags } from './sheet-model.ts';

/** One table for the day's kitchen: room | guest | allergens | dishes to avoid | menu flags. */
export function KitchenSheet({ data, printedAt }: { data: Arrivals; printedAt: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className={styles.paper} data-testid="kitchen-sheet">
      <div className={styles.head}>
        <span className={styles.title}>{t('sheet.kitchenTitle')}</span>
        <span>{formatDayWithWeekday(data.date, i18n.language)}</span>
      </div>
      {data.arrivals.length === 0 ? (
        <div>{t('sheet.noArrivals')}</div>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th style={{ width: '10%' }}>{t('sheet.room')}</th>
              <th style={{ width: '18%' }}>{t('sheet.guest')}</th>
              <th style={{ width: '27%' }}>{t('sheet.allergies')}</th>
              <th style={{ width: '20%' }}>{t('sheet.dishesToAvoid')}</th>
              <th>{t('sheet.menu')}</th>
            </tr>
          </thead>
          <tbody>
            {data.arrivals.map((arrival) => {
              const { stay } = arrival;
              const lead = stay.party.find((member) => member.lead) ?? stay.party[0];
              return (
                <tr key={stay.id} data-testid="kitchen-row" data-stay-id={stay.id}>
                  <td className={styles.strong} style={{ fontSize: '14pt' }}>
                    {stay.rooms.join('・')}
                  </td>
                  <td>
                    {lead ? t('kitchen.common.guestSama', { name: fullName(lead) }) : ''}
                    <div className={styles.muted}>{formatParty(stay)}</div>
                  </td>
                  <td>
                    {arrival.allergies.length === 0 && t('sheet.none')}
                    {arrival.allergies.map((allergy) => (
                      <div
                        key={allergy.id}
                        className={allergy.severity === 'anaphylaxis' ? styles.red : undefined}
                        data-testid="kitchen-allergy"
                        data-severity={allergy.severity}
                      >
                        {allergy.severity === 'anaphylaxis' ? '⚠ ' : ''}
                        {t('kitchen.common.withNote', {
                          text: allergenName(allergy, i18n.language),
                          note: [
                            t(`codes.severity.${allergy.severity}`),
                            allergy.tracesOk ? t('sheet.tracesOk') : t('sheet.tracesNotOk'),
                          ].join(t('kitchen.common.separator')),
                        })}
                        <span className={styles.muted}> {allergy.guestName}</span>
                      </div>
                    ))}
                  </td>
                  <td>
                    {arrival.dishesToAvoid.map((dish) => (
                      <div key={dish.dishId} className={dish.severity === 'anaphylaxis' ? styles.red : undefined}>
                        {dish.dishName}
                        <span className={styles.muted}>
                          {t('kitchen.common.withNote', {
                            text: '',
                            note: dish.reasons
                              .map((reason) => t(`codes.avoidReason.${reason}`))
                              .join(t('kitchen.common.separator')),
                          })}
                        </span>
                      </div>
                    ))}
                    {arrival.moreDishesToAvoid > 0 && (
                      <div className={styles.muted}>{t('sheet.moreDishes', { count: arrival.moreDishesToAvoid })}</div>
                    )}
                  </td>
                  <td>
                    {arrival.menus.map((menu) => (
                      <div key={menu.id}>
                        <div className={styles.strong}>
                          {t(`codes.meal.${menu.meal}`)} {menu.courseName}
                        </div>
                        {menu.dishes
                          .map((dish) => ({ dish, flags: menuFlags(dish, t, i18n.language) }))
                          .filter(({ flags }) => flags)
                          .map(({ dish, flags }) => (
                            <div
                              key={dish.dishId}
                              className={dish.worstSeverity === 'anaphylaxis' ? styles.red : undefined}
                            >
                              {dish.dishName}: {flags}
                            </div>
                          ))}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className={styles.footer}>{t('sheet.printedAt', { at: printedAt })}</div>
    </section>
  );
}
