import { Button, NativeSelect, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostcodeCandidate } from '../../shared/contract/addresses.ts';
import type { PostcodeNote as Note } from './postcode-fill.ts';

type Props = {
  note: Note;
  /** Puts a candidate's address into the address field (a click of the staff). */
  onChoose(candidate: PostcodeCandidate, postcode: string): void;
};

/** Under the postcode and address: what the postcode lookup did, or what it offers to put in. */
export function PostcodeNote({ note, onChoose }: Props) {
  const { t } = useTranslation();
  switch (note.kind) {
    case 'none':
      return null;
    case 'filled':
      return (
        <Text size="xs" c="dimmed" data-testid="postcode-note">
          {t('form.postcode.filled', { postcode: note.postcode })}
        </Text>
      );
    case 'offer':
      return (
        <Button
          variant="light"
          size="compact-sm"
          data-testid="postcode-fill"
          onClick={() => onChoose(note.candidate, note.postcode)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('form.postcode.fill', { address: note.candidate.address })}
        </Button>
      );
    case 'choose':
      return (
        <NativeSelect
          data-testid="postcode-choose"
          label={t('form.postcode.choose', { postcode: note.postcode, count: note.candidates.length })}
          value=""
          data={[
            { value: '', label: t('form.postcode.choosePlaceholder') },
            ...note.candidates.map((candidate, index) => ({ value: String(index), label: candidate.address })),
          ]}
          onChange={(event) => {
            const candidate = note.candidates[Number(event.currentTarget.value)];
            if (event.currentTarget.value !== '' && candidate) onChoose(candidate, note.postcode);
          }}
        />
      );
    case 'unknown':
    case 'failed':
      return (
        <Text size="xs" c="orange.8" data-testid="postcode-note" role="status">
          {note.message}
        </Text>
      );
  }
}
