import { DEFAULT_SETTINGS } from '../../shared/contract/settings.ts';
import { useQuery } from '../api/hooks.ts';

/** Whether the inn shows birthdays with their era (the setting showJapaneseEra); the default until read. */
export function useShowEra(): boolean {
  const settings = useQuery('settings.get', {}, ['settings']);
  return settings.data?.showJapaneseEra ?? DEFAULT_SETTINGS.showJapaneseEra;
}
