import { Badge, Button, CloseButton, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimit } from '../../shared/contract/limits.ts';
import { REQUEST_CATEGORIES, type RequestCategory, requestCalls } from '../../shared/contract/requests.ts';
import { call } from '../api/client.ts';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { callFieldErrors, fieldErrorText } from './field-errors.ts';

/** The contract's limit of a request's text: past it the counter and the message say so (nothing is cut off). */
const TEXT_LIMIT = textLimit(requestCalls['requests.record'].input.shape.text);

/**
 * Taking a request in at most four interactions, nothing to type but the request itself:
 * (1) "要望を記録" (here, on the stay page, or 「+ 要望」 on the guest card), (2) a category (big buttons), (3) type
 * into the input that already has the focus, (4) Enter. It goes to `stayId` when there is one (the current stay
 * on the guest card, the page's stay on the stay page), else it is standing (毎回); one optional tap switches
 * between the two. `inDialog`: shown in a dialog (its own title and close), the first category focused.
 */
export function RequestTaker({
  guestId,
  stayId,
  inDialog = false,
  onClose,
}: {
  guestId: string;
  stayId: string | null;
  inDialog?: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<RequestCategory | null>(null);
  const [text, setText] = useState('');
  // Opened fresh each time: the stay the guest is on (or none) decides the default scope.
  const [standing, setStanding] = useState(stayId === null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = (chosen: RequestCategory) => {
    setCategory(chosen);
    setError(null);
    // At once, not on the next frame: a person types straight after the tap, and on a busy PC a frame can come
    // after the first keys, which then land on the category button and are lost.
    input.current?.focus();
  };

  const save = async () => {
    if (saving) return;
    if (!category) return setError(t('service.requests.chooseCategory'));
    if (!text.trim()) return setError(t('errors.field.required'));
    setSaving(true);
    try {
      await call('requests.record', { guestId, stayId: standing ? null : stayId, standing, category, text });
      notifySuccess(t('service.requests.recordedNotice'));
      onClose();
    } catch (failure) {
      const fields = callFieldErrors(failure);
      const first = fields ? Object.values(fields)[0] : undefined;
      setError(first ? fieldErrorText(first) : errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter that ends a kana-to-kanji conversion is not a "save".
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape' && !inDialog) {
      onClose(); // in a dialog, the dialog's own Escape closes it
    }
  };

  return (
    <Stack gap="xs" data-testid="quick-request-panel">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          {t('service.requests.chooseCategory')}
        </Text>
        <Group gap="xs" wrap="nowrap">
          {stayId ? (
            <SegmentedControl
              size="xs"
              data-testid="request-scope"
              aria-label={t('service.requests.scopeLabel')}
              value={standing ? 'standing' : 'stay'}
              onChange={(value) => setStanding(value === 'standing')}
              data={[
                { value: 'stay', label: t('service.requests.scopeStay') },
                { value: 'standing', label: t('service.requests.scopeStanding') },
              ]}
            />
          ) : (
            <Badge variant="light" tt="none" data-testid="request-scope-standing">
              {t('service.requests.scopeStanding')}
            </Badge>
          )}
          {!inDialog && <CloseButton aria-label={t('common.close')} onClick={onClose} />}
        </Group>
      </Group>
      <SimpleGrid cols={4} spacing={6}>
        {REQUEST_CATEGORIES.map((code, index) => (
          <Button
            key={code}
            h={48}
            px={4}
            variant={category === code ? 'filled' : 'default'}
            data-testid={`request-category-${code}`}
            data-autofocus={inDialog && index === 0 ? true : undefined}
            aria-pressed={category === code}
            onClick={() => choose(code)}
          >
            {t(`codes.requestCategory.${code}`)}
          </Button>
        ))}
      </SimpleGrid>
      <LimitedTextInput
        ref={input}
        max={TEXT_LIMIT}
        data-testid="request-text"
        label={t('service.requests.textLabel')}
        placeholder={category ? t('service.requests.textPlaceholder') : t('service.requests.chooseCategory')}
        value={text}
        disabled={saving}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={onKeyDown}
        error={error}
      />
    </Stack>
  );
}

/** The panels' "+ 要望を記録" button, opening the request taker in place. */
export function QuickRequest({
  guestId,
  stayId,
  disabled = false,
}: {
  guestId: string;
  stayId: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Group>
        <Button size="xs" data-testid="quick-request" disabled={disabled} onClick={() => setOpen(true)}>
          + {t('service.requests.record')}
        </Button>
      </Group>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <RequestTaker guestId={guestId} stayId={stayId} onClose={() => setOpen(false)} />
    </Paper>
  );
}
