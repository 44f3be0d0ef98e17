import { Button, Paper, Stack, Text } from '@mantine/core';
import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// Step 1: the ledger file, chosen with the button (a real file input, so the keyboard and the OS dialog work)
// or dropped on the zone. Which types the core reads is its own decision: the input only suggests them, and a
// file of another type gets the reader's message (errors.detail.wrong_type) like any other it cannot read.

const ACCEPT = '.xlsx,.csv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FilePicker({
  onFile,
  disabled,
  dropLabel,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** What the zone asks for: a ledger by default, a sales file on the sales import. */
  dropLabel?: string;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      data-testid="import-drop-zone"
      data-over={over || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-indigo-5)' : undefined,
        background: over ? 'var(--mantine-color-indigo-0)' : undefined,
      }}
    >
      <Stack align="center" gap="sm">
        <Text fw={600}>{dropLabel ?? t('imports.screen.file.drop')}</Text>
        <Button onClick={() => input.current?.click()} disabled={disabled} data-testid="import-choose-file" autoFocus>
          {t('imports.screen.file.choose')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('imports.screen.file.accepted')}
        </Text>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared, so choosing the same file again (after fixing it) is a change too.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </Stack>
    </Paper>
  );
}
