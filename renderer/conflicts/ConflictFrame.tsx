import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { type Route, routeHref } from '../app/route.ts';

// Every conflict reads the same way, whatever its kind: one sentence saying what is wrong, the record it is
// about, both sides next to each other, what to do, and the buttons. The kinds only fill these in.

type FrameProps = {
  conflict: Conflict;
  /** What is wrong, in one sentence. */
  title: string;
  /** The record it is about (a link to it, usually). */
  subject?: ReactNode;
  /** What staff can do about it. */
  hint?: string;
  /** The sides (`Side`), shown next to each other. */
  children?: ReactNode;
  actions?: ReactNode;
};

export function ConflictFrame({ conflict, title, subject, hint, children, actions }: FrameProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid="conflict"
      data-kind={conflict.kind}
      data-conflict-id={conflict.id}
    >
      <Stack gap="sm">
        <Text fw={700} size="lg" c="orange.9" data-testid="conflict-title">
          {title}
        </Text>
        {subject && (
          <Text component="div" size="sm" data-testid="conflict-subject">
            {subject}
          </Text>
        )}
        {children && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {children}
          </SimpleGrid>
        )}
        {hint && (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        )}
        {actions && (
          <Group gap="xs" justify="flex-end">
            {actions}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** One side of a conflict: a small box with an optional heading. */
export function Side({
  heading,
  children,
  testId = 'conflict-side',
}: {
  heading?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" bg="gray.0" data-testid={testId}>
      <Stack gap={4}>
        {heading && (
          <Text size="xs" c="dimmed" fw={600}>
            {heading}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** A button that opens a record's page (a plain link, so it also opens in a new tab). */
export function OpenButton({ route, label, testId }: { route: Route; label: string; testId?: string }) {
  return (
    <Button component="a" href={routeHref(route)} variant="default" size="xs" data-testid={testId}>
      {label}
    </Button>
  );
}
