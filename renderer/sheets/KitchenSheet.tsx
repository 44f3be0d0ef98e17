import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Arrival, Arrivals } from '../../shared/contract/arrivals.ts';
import { type AvoidGroup, groupDishesToAvoid } from '../../shared/kitchen/avoid-groups.ts';
import { fullName } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';
import { allergenName, formatDayWithWeekday, formatParty } from '../service/format.ts';
import styles from './PrintPage.module.css';
import { bySeverity, menuFlags } from './sheet-model.ts';

// The day's kitchen sheet as a print view: a compact block per room (allergens first, the dishes to avoid as
// one flowing list, the flags of the planned menus), the same layout as the PDF maker's (electron/sheets/
// kitchen.ts). Blocks do not break across printed pages (break-inside: avoid), so four or more typical rooms
// share an A4 page and none is split.

function groupTitle(group: AvoidGroup, t: TFunction, language: string): string {
  if (group.severity) return t(`codes.severity.${group.severity}`);
  if (group.reason === 'served' && group.date)
    return `${t('codes.avoidReason.served')} ${formatDay(group.date, language)}`;
  return t(`codes.avoidReason.${group.reason}`);
}

function Allergies({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.allergies.length === 0) return <span className={styles.muted}>{t('sheet.none')}</span>;
  return arrival.allergies.map((allergy) => (
    <span
      key={allergy.id}
      className={`${styles.kitchenAllergy} ${allergy.severity === 'anaphylaxis' ? styles.red : styles.strong}`}
      data-testid="kitchen-allergy"
      data-severity={allergy.severity}
    >
      {t('kitchen.common.withNote', {
        text: allergenName(allergy, i18n.language),
        note: [
          t(`codes.severity.${allergy.severity}`),
          allergy.tracesOk ? t('sheet.tracesOk') : t('sheet.tracesNotOk'),
          ...(allergy.reconfirmDue ? [t('sheet.reconfirm')] : []),
        ].join(t('kitchen.common.separator')),
      })}{' '}
      <span className={styles.muted}>{t('kitchen.common.guestSama', { name: allergy.guestName })}</span>
    </span>
  ));
}

function DishesToAvoid({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  if (arrival.dishesToAvoid.length === 0) return <span className={styles.muted}>{t('sheet.none')}</span>;
  const separator = t('kitchen.common.separator');
  return (
    <>
      {groupDishesToAvoid(arrival.dishesToAvoid).map((group) => (
        <span key={`${group.reason}-${group.severity}-${group.date}`} className={styles.kitchenGroup}>
          <span
            className={group.severity === 'anaphylaxis' ? styles.red : group.severity ? styles.strong : styles.muted}
          >
            {groupTitle(group, t, i18n.language)}:{' '}
          </span>
          {group.dishes.map(({ dish, otherReasons }, i) => (
            <span
              key={dish.dishId}
              className={group.severity === 'anaphylaxis' ? styles.red : group.severity ? styles.strong : undefined}
              data-testid="kitchen-avoid"
            >
              {dish.dishName}
              {otherReasons.length > 0 && (
                <span className={styles.muted}>
                  {t('kitchen.common.withNote', {
                    text: '',
                    note: otherReasons
                      .map((reason) =>
                        reason === 'served' && dish.lastServed
                          ? `${t('codes.avoidReason.served')} ${formatDay(dish.lastServed, i18n.language)}`
                          : t(`codes.avoidReason.${reason}`),
                      )
                      .join(separator),
                  })}
                </span>
              )}
              {i < group.dishes.length - 1 ? separator : ''}
            </span>
          ))}
        </span>
      ))}
      {arrival.moreDishesToAvoid > 0 && (
        <span className={styles.muted}>{t('sheet.moreDishes', { count: arrival.moreDishesToAvoid })}</span>
      )}
    </>
  );
}

function MenuFlags({ arrival }: { arrival: Arrival }) {
  const { t, i18n } = useTranslation();
  const menus = arrival.menus.filter((menu) => menu.status !== 'cancelled');
  if (menus.length === 0) return <span className={styles.muted}>{t('sheet.none')}</span>;
  return menus.map((menu) => {
    const flagged = menu.dishes
      .map((dish) => ({ dish, flags: menuFlags(dish, t, i18n.language) }))
      .filter(({ flags }) => flags);
    return (
      <span key={menu.id} className={styles.kitchenGroup}>
        <span className={styles.muted}>
          {t(`codes.meal.${menu.meal}`)} {menu.courseName}:{' '}
        </span>
        {flagged.length === 0 && menu.uncheckedAllergies.length === 0 && (
          <span className={styles.muted}>{t('sheet.none')}</span>
        )}
        {flagged.map(({ dish, flags }, i) => (
          <span key={dish.dishId} className={dish.worstSeverity === 'anaphylaxis' ? styles.red : undefined}>
            <span className={styles.strong}>{dish.dishName}</span>
            <span className={styles.muted}>{t('kitchen.common.withNote', { text: '', note: flags })}</span>
            {i < flagged.length - 1 ? t('kitchen.common.separator') : ''}
          </span>
        ))}
        {/* Allergens no dish records (アルコール, 生もの…): the kitchen checks them by hand, as the PDF says. */}
        {bySeverity(menu.uncheckedAllergies).map((unchecked) => (
          <span
            key={`${unchecked.guestName}-${unchecked.name}`}
            className={`${styles.kitchenUnchecked} ${unchecked.severity === 'anaphylaxis' ? styles.red : styles.strong}`}
            data-testid="kitchen-unchecked"
          >
            {t('sheet.unchecked', {
              name: unchecked.name,
              severity: t(`codes.severity.${unchecked.severity}`),
              guest: t('kitchen.common.guestSama', { name: unchecked.guestName }),
            })}
          </span>
        ))}
      </span>
    );
  });
}

/** A room's block: heading, then labelled rows of running text. */
function RoomBlock({ arrival }: { arrival: Arrival }) {
  const { t } = useTranslation();
  const { stay } = arrival;
  const lead = stay.party.find((member) => member.lead) ?? stay.party[0];
  const anaphylaxis = arrival.allergies.some((allergy) => allergy.severity === 'anaphylaxis');
  return (
    <div className={styles.kitchenRoom} data-testid="kitchen-row" data-stay-id={stay.id}>
      <div className={styles.kitchenHead}>
        <span className={styles.kitchenRoomNumber}>{stay.rooms.join('・')}</span>
        <span className={styles.strong}>{lead ? t('kitchen.common.guestSama', { name: fullName(lead) }) : ''}</span>
        <span className={styles.muted}>{formatParty(stay)}</span>
      </div>
      <div className={`${styles.kitchenLine} ${anaphylaxis ? styles.kitchenDanger : ''}`}>
        <span className={styles.kitchenLabel}>{t('sheet.allergiesShort')}</span>
        <span>
          <Allergies arrival={arrival} />
        </span>
      </div>
      <div className={styles.kitchenLine}>
        <span className={styles.kitchenLabel}>{t('sheet.dishesToAvoid')}</span>
        <span>
          <DishesToAvoid arrival={arrival} />
        </span>
      </div>
      <div className={styles.kitchenLine}>
        <span className={styles.kitchenLabel}>{t('sheet.menu')}</span>
        <span>
          <MenuFlags arrival={arrival} />
        </span>
      </div>
    </div>
  );
}

/** The day's kitchen sheet: a block per room in room order. */
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
        data.arrivals.map((arrival) => <RoomBlock key={arrival.stay.id} arrival={arrival} />)
      )}
      <div className={styles.footer}>{t('sheet.printedAt', { at: printedAt })}</div>
    </section>
  );
}
