import { TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useRoute } from '../app/route.ts';
import { useSearch } from './search-context.tsx';

export const RESULTS_ID = 'guest-search-results';

/**
 * The global search box. Searches on every change, except while an IME composition is in progress
 * (Japanese input converts kana to kanji before it is text): then it searches on compositionend.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const search = useSearch();
  const route = useRoute();
  const composing = useRef(false);

  const showResults = () => {
    if (route.name !== 'search') navigate({ name: 'search' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        if (route.name !== 'search') showResults();
        else search.move(event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        event.preventDefault();
        search.openHighlighted();
        break;
      case 'Escape':
        event.preventDefault();
        search.clear();
        break;
    }
  };

  const hasResults = route.name === 'search' && search.results.hits.length > 0;

  return (
    <TextInput
      ref={search.inputRef}
      data-testid="guest-search"
      type="search"
      autoFocus
      autoComplete="off"
      spellCheck={false}
      aria-label={t('header.searchLabel')}
      placeholder={t('header.searchPlaceholder')}
      title={t('header.searchShortcut')}
      role="combobox"
      aria-expanded={hasResults}
      aria-controls={RESULTS_ID}
      aria-activedescendant={hasResults ? `guest-hit-${search.highlight}` : undefined}
      value={search.text}
      onChange={(event) => {
        const composingNow = composing.current || (event.nativeEvent as InputEvent).isComposing === true;
        search.setText(event.currentTarget.value, !composingNow);
        showResults();
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(event) => {
        composing.current = false;
        search.setText(event.currentTarget.value, true);
      }}
      onKeyDown={onKeyDown}
      w="100%"
      maw={560}
      size="md"
    />
  );
}
