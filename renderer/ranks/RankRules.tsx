import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RankRule } from '../../shared/contract/ranks.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { notifySuccess } from '../app/notify.ts';
import { useCallForm } from '../kitchen/use-call-form.ts';

// The manager's rank rules, in the settings: an ordered list (the first computed rank a guest reaches is
// theirs; manual ranks are given on the card and win), with a preview of how many guests each would give
// before anything is saved. Saving recomputes every guest's rank as a job (the jobs bar shows it).

type Draft = {
  name: string;
  manual: boolean;
  minVisits: number | string;
  minSpendYen: number | string;
  years: number | string;
  combine: 'and' | 'or';
};

const toDraft = (rule: RankRule): Draft => ({
  ...rule,
  minVisits: rule.minVisits ?? '',
  minSpendYen: rule.minSpendYen ?? '',
});

const numberOrNull = (value: number | string): number | null =>
  value === '' ? null : typeof value === 'number' ? value : Number(value);

const toRule = (draft: Draft): RankRule => ({
  name: draft.name,
  manual: draft.manual,
  minVisits: draft.manual ? null : numberOrNull(draft.minVisits),
  minSpendYen: draft.manual ? null : numberOrNull(draft.minSpendYen),
  years: numberOrNull(draft.years) ?? 0,
  combine: draft.combine,
});

const NEW_RANK: Draft = { name: '', manual: false, minVisits: '', minSpendYen: '', years: 3, combine: 'and' };

export function RankRules() {
  const { t } = useTranslation();
  const query = useQuery('ranks.rules', {}, ['settings']);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [preview, setPreview] = useState<{ counts: Map<string, number>; guests: number } | null>(null);
  const form = useCallForm();

  useEffect(() => {
    if (query.data && drafts === null) {
      setDrafts(query.data.rules.map(toDraft));
      setVersion(query.data.version);
    }
  }, [query.data, drafts]);

  if (!drafts) return null;

  const change = (index: number, patch: Partial<Draft>) => {
    setPreview(null);
    setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  };
  const move = (index: number, by: number) => {
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved as Draft);
    setPreview(null);
    setDrafts(next);
  };
  const remove = (index: number) => {
    setPreview(null);
    setDrafts(drafts.filter((_, i) => i !== index));
  };

  const runPreview = async () => {
    const answer = await form.run(() => call('ranks.preview', { rules: drafts.map(toRule) }));
    if (answer) setPreview({ counts: new Map(answer.counts.map((c) => [c.name, c.guests])), guests: answer.guests });
  };

  const save = async () => {
    const saved = await form.run(() => call('ranks.updateRules', { rules: drafts.map(toRule), version }));
    if (!saved) return;
    setDrafts(saved.rules.map(toDraft));
    setVersion(saved.version);
    notifySuccess(t('ranks.rules.saved'));
  };

  const count = (name: string) => preview?.counts.get(name);

  return (
    <Stack gap="md" data-testid="rank-rules">
      <Title order={3}>{t('ranks.rules.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text size="sm" c="dimmed" maw={720}>
            {t('ranks.rules.help')}
          </Text>
          {drafts.length === 0 && <Text size="sm">{t('ranks.rules.none')}</Text>}
          {drafts.map((draft, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in an ordered list being edited
            <Group key={index} gap="xs" align="flex-end" wrap="wrap" data-testid="rank-rule">
              <TextInput
                label={t('ranks.rules.name')}
                value={draft.name}
                onChange={(event) => change(index, { name: event.currentTarget.value })}
                error={form.errorOf(`rules.${index}.name`)}
                w={140}
                data-testid="rank-name"
              />
              <Checkbox
                label={t('ranks.rules.manual')}
                checked={draft.manual}
                onChange={(event) => change(index, { manual: event.currentTarget.checked })}
                mb={8}
                data-testid="rank-manual"
              />
              {!draft.manual && (
                <>
                  <NumberInput
                    label={t('ranks.rules.minVisits')}
                    value={draft.minVisits}
                    onChange={(value) => change(index, { minVisits: value })}
                    allowDecimal={false}
                    allowNegative={false}
                    error={form.errorOf(`rules.${index}.minVisits`)}
                    w={130}
                    data-testid="rank-min-visits"
                  />
                  <NumberInput
                    label={t('ranks.rules.minSpendYen')}
                    value={draft.minSpendYen}
                    onChange={(value) => change(index, { minSpendYen: value })}
                    allowDecimal={false}
                    allowNegative={false}
                    thousandSeparator=","
                    error={form.errorOf(`rules.${index}.minSpendYen`)}
                    w={150}
                    data-testid="rank-min-spend"
                  />
                  <NumberInput
                    label={t('ranks.rules.years')}
                    value={draft.years}
                    onChange={(value) => change(index, { years: value })}
                    allowDecimal={false}
                    allowNegative={false}
                    min={1}
                    max={10}
                    error={form.errorOf(`rules.${index}.years`)}
                    w={130}
                    data-testid="rank-years"
                  />
                  <Select
                    label={t('ranks.rules.combine')}
                    value={draft.combine}
                    onChange={(value) => change(index, { combine: value === 'or' ? 'or' : 'and' })}
                    data={[
                      { value: 'and', label: t('ranks.rules.combineAnd') },
                      { value: 'or', label: t('ranks.rules.combineOr') },
                    ]}
                    allowDeselect={false}
                    w={160}
                    data-testid="rank-combine"
                  />
                </>
              )}
              <Group gap={4} mb={4}>
                <ActionIcon
                  variant="default"
                  aria-label={t('ranks.rules.up')}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={t('ranks.rules.down')}
                  disabled={index === drafts.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </ActionIcon>
                <Button variant="subtle" color="red" size="xs" onClick={() => remove(index)}>
                  {t('ranks.rules.remove')}
                </Button>
              </Group>
              {count(draft.name) !== undefined && (
                <Badge variant="light" color="grape" tt="none" mb={6} data-testid="rank-preview-count">
                  {t('ranks.rules.previewCount', { count: count(draft.name) ?? 0 })}
                </Badge>
              )}
            </Group>
          ))}
          {preview && (
            <Text size="sm" c="dimmed" data-testid="rank-preview-total">
              {t('ranks.rules.previewOf', { count: preview.guests })}
            </Text>
          )}
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group>
            <Button variant="default" onClick={() => setDrafts([...drafts, { ...NEW_RANK }])} data-testid="add-rank">
              {t('ranks.rules.add')}
            </Button>
            <Button variant="light" onClick={runPreview} loading={form.saving} data-testid="preview-ranks">
              {t('ranks.rules.preview')}
            </Button>
            <Button onClick={save} loading={form.saving} data-testid="save-ranks">
              {t('ranks.rules.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
