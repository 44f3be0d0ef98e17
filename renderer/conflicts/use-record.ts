import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import type { Route } from '../app/route.ts';
import { BANQUET_TABLES, dealTitle } from '../banquets/display.ts';
import { fullName } from '../guests/names.ts';
import { formatDayWithWeekday } from '../service/format.ts';

/** Where staff fix a record of a table that has no page of its own: the list it is edited in. */
const LIST_OF: Partial<Record<string, Route>> = {
  halls: { name: 'banquetHalls' },
  dishes: { name: 'catalogue' },
  courses: { name: 'catalogue' },
  allergens: { name: 'catalogue' },
  settings: { name: 'settings' },
};

export type RecordRef = { name: string; route?: Route };

/**
 * A record a conflict names by table and id, as staff know it (山田 太郎 様, 山田 太郎 様の宿泊, 営業部 忘年会) and
 * where to open it. Guests, stays and deals are read by id; any other record is named by its kind and opens
 * the list it is edited in, if it has one.
 */
export function useRecord(table: string, id: string): RecordRef {
  const { t, i18n } = useTranslation();
  const guest = useQuery('guests.get', table === 'guests' ? { id } : null, ['guests']);
  const stay = useQuery('stays.get', table === 'stays' ? { id } : null, ['stays', 'stay_party', 'guests']);
  const deal = useQuery('banquets.get', table === 'banquets' ? { id } : null, BANQUET_TABLES);
  const kindKey = `conflicts.tables.${table}`;
  const kind = i18n.exists(kindKey) ? t(kindKey) : table;
  // While reading: an ellipsis; a record that cannot be read (gone, or a newer PC's) is named by its kind.
  const pending = guest.error || stay.error || deal.error ? kind : '…';
  switch (table) {
    case 'guests':
      return {
        name: guest.data ? t('conflicts.record.guest', { name: fullName(guest.data) }) : pending,
        route: { name: 'guest', id },
      };
    case 'stays': {
      const lead = stay.data?.party[0];
      return {
        name: stay.data
          ? t('conflicts.record.stay', {
              name: lead ? fullName(lead) : '',
              date: formatDayWithWeekday(stay.data.arrivalDate, i18n.language),
            })
          : pending,
        route: { name: 'stay', id },
      };
    }
    case 'banquets':
      return { name: deal.data ? dealTitle(deal.data.banquet) : pending, route: { name: 'banquet', id } };
    default:
      return { name: kind, route: LIST_OF[table] };
  }
}
