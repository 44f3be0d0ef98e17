import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { navigate } from '../app/route.ts';
import { useSearchFocus } from '../guests/search-context.tsx';
import { ImportCountTiles } from './PreviewSummary.tsx';
import { UndoImport } from './UndoImport.tsx';

// After an import: what it recorded, the way to the guests it brought in (the desk's search), and its undo.

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
