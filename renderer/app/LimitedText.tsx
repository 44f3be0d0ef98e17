import { Textarea, TextInput } from '@mantine/core';
import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, textLimitState } from './text-limit.ts';

// Text fields with a length limit in the contract: from 80% of the limit on, a counter under the field
// ("1,480 / 2,000文字"), red once past it with the message that names the limit, while typing, not only after
// a refused save. The limit comes from the contract's schema (textLimit in shared/contract/limits.ts).

type Limited = { max: number | undefined };
type WrapperPart = 'label' | 'input' | 'description' | 'error';
const COUNTER_UNDER_INPUT: WrapperPart[] = ['label', 'input', 'description', 'error'];

function useLimit(props: { value?: unknown; error?: ReactNode; name?: string }, max: number | undefined) {
  const { t } = useTranslation();
  if (max === undefined) return {};
  const state = textLimitState(typeof props.value === 'string' ? props.value : '', max);
  if (!state.near) return {};
  const testId = (props as { 'data-testid'?: string })['data-testid'] ?? props.name ?? 'text';
  return {
    description: t('form.counter', { used: formatCount(state.count), max: formatCount(max) }),
    descriptionProps: {
      ta: 'right' as const,
      c: state.over ? 'red' : undefined,
      'data-testid': `${testId}-counter`,
      'data-over': state.over,
    },
    // The field's own message (a save refused for another reason) first; else the limit, while it is passed.
    error: props.error ?? (state.over ? t('errors.field.too_long', { max: formatCount(max) }) : undefined),
    inputWrapperOrder: COUNTER_UNDER_INPUT,
  };
}

export function LimitedTextInput({ max, ...props }: ComponentProps<typeof TextInput> & Limited) {
  return <TextInput {...props} {...useLimit(props, max)} />;
}

export function LimitedTextarea({ max, ...props }: ComponentProps<typeof Textarea> & Limited) {
  return <Textarea {...props} {...useLimit(props, max)} />;
}
