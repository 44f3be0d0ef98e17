import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { navigate } from '../app/route.ts';
import { useSearchFocus } from '../guests/search-context.tsx';
import { ImportCountTiles } from './PreviewSummary.tsx';
import { UndoImport } from './UndoImport.tsx';

// After an import: what it recorded, the pairs the duplicate scan then proposed with its guests (重複の確認),
// the way to the guests it brought in (the desk's search), and its undo.

type RunAnswer = CallOutput<'imports.run'>;

export function RunResult({
  result,
  fileName,
  createdAt,
  onUndone,
  onAnother,
}: {
  result: RunAnswer;
  fileName: string;
  createdAt: string;
  onUndone: (answer: CallOutput<'imports.undo'>) => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const focusSearch = useSearchFocus();
  return (
    <Alert color="teal" variant="light" title={t('imports.screen.run.doneTitle')} data-testid="import-result">
      <Stack gap="sm">
        <Text size="sm" fw={500}>
          {fileName}
        </Text>
        <ImportCountTiles counts={result.counts} />
        {result.possibleDuplicates > 0 && (
          // An import never merges on a guess: a person the ledger spells differently is left to staff.
          <Group gap="sm" data-testid="import-duplicates" data-count={result.possibleDuplicates}>
            <Text size="sm">{t('imports.screen.run.duplicates', { count: result.possibleDuplicates })}</Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => navigate({ name: 'duplicates' })}
              data-testid="import-open-duplicates"
            >
              {t('imports.screen.run.openDuplicates')}
            </Button>
          </Group>
        )}
        <Group>
          <Button
            autoFocus
            onClick={() => {
              navigate({ name: 'search' });
              // After the desk's screen is there, its search box takes the typing.
              setTimeout(focusSearch, 0);
            }}
            data-testid="import-search-guests"
          >
            {t('imports.screen.run.searchGuests')}
          </Button>
          <UndoImport
            summary={{ id: result.import, fileName, createdAt }}
            onUndone={onUndone}
            testId="undo-this-import"
          />
          <Button variant="subtle" onClick={onAnother} data-testid="import-another">
            {t('imports.screen.run.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
