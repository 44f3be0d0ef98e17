import { Badge, Paper } from '@mantine/core';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract/guests.ts';
import { navigate } from '../app/route.ts';
import { formatDay } from '../i18n/format.ts';
import { RankBadge } from '../ranks/RankBadge.tsx';
import { SeverityBadge } from '../service/SeverityBadge.tsx';
import { fullName, fullReading } from './names.ts';
import { RESULTS_ID } from './SearchBox.tsx';
import classes from './SearchResults.module.css';

const MATCH_COLOR = { exact: 'teal', prefix: 'blue', substring: 'gray' } as const;

type Props = { hits: SearchHit[]; highlight: number; onHighlight(index: number): void };

// Speed matters here more than anywhere: this list re-renders on every keystroke at the front desk.
// Rows are memoized (moving the highlight re-renders two rows, a new answer only the rows that changed)
// and built from plain elements styled by a CSS module rather than layout components.

/** The hits, one row each; the highlighted row follows the arrow keys and stays in view. */
export const SearchResults = memo(function SearchResults({ hits, highlight, onHighlight }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    list.current?.querySelector(`#guest-hit-${highlight}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  return (
    <Paper withBorder radius="md" ref={list} id={RESULTS_ID} role="listbox" aria-label={t('search.resultsLabel')}>
      {hits.map((hit, index) => (
        <HitRow key={hit.id} hit={hit} index={index} selected={index === highlight} onHighlight={onHighlight} />
      ))}
    </Paper>
  );
});

type RowProps = { hit: SearchHit; index: number; selected: boolean; onHighlight(index: number): void };

const HitRow = memo(function HitRow({ hit, index, selected, onHighlight }: RowProps) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      id={`guest-hit-${index}`}
      role="option"
      aria-selected={selected}
      data-testid="search-result"
      data-guest-id={hit.id}
      tabIndex={-1}
      className={classes.row}
      onMouseMove={() => onHighlight(index)}
      onClick={() => navigate({ name: 'guest', id: hit.id })}
    >
      <span className={classes.name}>{fullName(hit)}</span>
      <span className={classes.reading}>
        <span>{fullReading(hit)}</span>
        <span className={classes.dimmed}>{hit.romaji}</span>
      </span>
      <span className={classes.cues}>
        <RankBadge rank={hit.rank} testId="hit-rank" />
        {hit.today && (
          <Badge size="sm" tt="none" color={hit.today === 'arriving' ? 'teal' : 'indigo'} data-testid="hit-today">
            {t(`search.today.${hit.today}`)}
          </Badge>
        )}
        {hit.allergy && (
          <SeverityBadge
            severity={hit.allergy}
            testId="hit-allergy"
            label={t('search.allergy', { severity: t(`codes.severity.${hit.allergy}`) })}
          />
        )}
        {hit.lastVisit && (
          <span className={classes.dimmed} data-testid="hit-last-visit">
            {t('search.lastVisit', { date: formatDay(hit.lastVisit, i18n.language) })}
          </span>
        )}
      </span>
      <span className={classes.contact}>
        {hit.phone && <span className={classes.phone}>{hit.phone}</span>}
        {hit.organization && <span className={classes.dimmed}>{hit.organization}</span>}
      </span>
      <Badge variant="light" color={MATCH_COLOR[hit.match]} w={96} tt="none">
        {t(`search.match.${hit.match}`)}
      </Badge>
    </button>
  );
});
