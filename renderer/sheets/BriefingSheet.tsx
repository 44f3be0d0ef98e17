import { useTranslation } from 'react-i18next';
import type { Arrival, Arrivals } from '../../shared/contract/arrivals.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';
import { allergenName, formatDayWithWeekday, formatNights, formatParty } from '../service/format.ts';
import styles from './PrintPage.module.css';
import { menuFlags } from './sheet-model.ts';

function Allergies({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={styles.section}>
      <div className={styles.sectionTitle}>{t('sheet.allergies')}</div>
      {arrival.allergies.length === 0 && <div className={styles.line}>{t('sheet.none')}</div>}
      {arrival.allergies.map((allergy) => {
        const text = [
          t(`codes.severity.${allergy.severity}`),
          allergenName(allergy, i18n.language),
          t('kitchen.common.guestSama', { name: allergy.guestName }),
          allergy.tracesOk ? t('sheet.tracesOk') : t('sheet.tracesNotOk'),
          allergy.reconfirmDue ? t('sheet.reconfirm') : '',
          allergy.note,
        ]
          .filter(Boolean)
          .join('　');
        return (
          <div
            key={allergy.id}
            className={allergy.severity === 'anaphylaxis' ? styles.anaphylaxis : styles.line}
            data-testid="sheet-allergy"
            data-severity={allergy.severity}
          >
            {allergy.severity === 'anaphylaxis' ? `⚠ ${text}` : `・${text}`}
          </div>
        );
      })}
    </div>
  );
}

function RoomPage({ arrival, printedAt }: { arrival: Arrival; printedAt: string }) {
  const { t, i18n } = useTranslation();
  const { stay } = arrival;
  const lead = stay.party.find((member) => member.lead) ?? stay.party[0];
  const companions = stay.party.filter((member) => !member.lead);
  return (
    <section className={`${styles.paper} ${styles.room}`} data-testid="sheet-room" data-stay-id={stay.id}>
      <div className={styles.head}>
        <span className={styles.title}>{t('sheet.briefingTitle')}</span>
        <span>{formatDayWithWeekday(stay.arrivalDate, i18n.language)}</span>
      </div>
      <div className={styles.guestLine}>
        <div>
          <div className={styles.muted}>{t('sheet.room')}</div>
          <div className={styles.roomNumber}>{stay.rooms.join('・')}</div>
        </div>
        <div>
          {lead && <div className={styles.muted}>{fullReading(lead)}</div>}
          {lead && <div className={styles.guestName}>{t('kitchen.common.guestSama', { name: fullName(lead) })}</div>}
          {companions.length > 0 && (
            <div>
              {companions.map((member) => t('kitchen.common.guestSama', { name: fullName(member) })).join('、')}
            </div>
          )}
        </div>
      </div>
      <div className={styles.line}>
        {[
          formatParty(stay),
          formatNights(stay.nights),
          stay.plan ? `${t('sheet.plan')}: ${stay.plan}` : '',
          arrival.visitCount === 0 ? t('sheet.firstVisit') : t('sheet.visits', { count: arrival.visitCount + 1 }),
          arrival.lastVisit ? t('sheet.lastVisit', { date: formatDay(arrival.lastVisit, i18n.language) }) : '',
        ]
          .filter(Boolean)
          .join('　')}
      </div>
      {arrival.celebrations.length > 0 && (
        <div className={styles.section}>
          <div className={styles.sectionTitle}>{t('sheet.celebrations')}</div>
          {arrival.celebrations.map((celebration) => (
            <div key={`${celebration.kind}-${celebration.guestId ?? ''}`} className={styles.line}>
              ・
              {celebration.kind === 'birthday'
                ? t('sheet.birthdayOn', {
                    name: celebration.guestName,
                    date: formatDay(celebration.date ?? '', i18n.language),
                  })
                : t(`codes.purpose.${celebration.purpose ?? 'celebration'}`)}
            </div>
          ))}
        </div>
      )}
      <Allergies arrival={arrival} />
      <div className={styles.section}>
        <div className={styles.sectionTitle}>{t('sheet.requests')}</div>
        {arrival.requests.length === 0 && <div className={styles.line}>{t('sheet.none')}</div>}
        {arrival.requests.map((request) => (
          <div key={request.id} className={styles.line}>
            ・【{t(`codes.requestCategory.${request.category}`)}】{request.standing ? `（${t('sheet.standing')}）` : ''}
            {request.text}
          </div>
        ))}
      </div>
      {arrival.dishesToAvoid.length > 0 && (
        <div className={styles.section}>
          <div className={styles.sectionTitle}>{t('sheet.dishesToAvoid')}</div>
          {arrival.dishesToAvoid.map((dish) => (
            <div
              key={dish.dishId}
              className={dish.severity === 'anaphylaxis' ? `${styles.line} ${styles.red}` : styles.line}
            >
              ・
              {t('kitchen.common.withNote', {
                text: dish.dishName,
                note: [
                  dish.reasons.map((reason) => t(`codes.avoidReason.${reason}`)).join(t('kitchen.common.separator')),
                  dish.lastServed ? formatDay(dish.lastServed, i18n.language) : '',
                ]
                  .filter(Boolean)
                  .join(' '),
              })}
            </div>
          ))}
          {arrival.moreDishesToAvoid > 0 && (
            <div className={`${styles.line} ${styles.muted}`}>
              {t('sheet.moreDishes', { count: arrival.moreDishesToAvoid })}
            </div>
          )}
        </div>
      )}
      {arrival.menus.map((menu) => (
        <div key={menu.id} className={styles.section}>
          <div className={styles.sectionTitle}>
            {t('sheet.menu')}　{formatDay(menu.date, i18n.language)} {t(`codes.meal.${menu.meal}`)} {menu.courseName}
          </div>
          {menu.dishes.map((dish, index) => {
            const flags = menuFlags(dish, t, i18n.language);
            return (
              <div
                key={dish.dishId}
                className={dish.worstSeverity === 'anaphylaxis' ? `${styles.line} ${styles.red}` : styles.line}
              >
                {index + 1}. {dish.dishName}
                {flags ? `　⚠ ${flags}` : ''}
              </div>
            );
          })}
        </div>
      ))}
      <div className={styles.footer}>{t('sheet.printedAt', { at: printedAt })}</div>
    </section>
  );
}

/** One A4 page per arriving party (room): what the floor staff carry to the room. */
export function BriefingSheet({ data, printedAt }: { data: Arrivals; printedAt: string }) {
  const { t, i18n } = useTranslation();
  if (data.arrivals.length === 0) {
    return (
      <section className={styles.paper}>
        <div className={styles.head}>
          <span className={styles.title}>{t('sheet.briefingTitle')}</span>
          <span>{formatDayWithWeekday(data.date, i18n.language)}</span>
        </div>
        <div>{t('sheet.noArrivals')}</div>
      </section>
    );
  }
  return (
    <>
      {data.arrivals.map((arrival) => (
        <RoomPage key={arrival.stay.id} arrival={arrival} printedAt={printedAt} />
      ))}
    </>
  );
}
