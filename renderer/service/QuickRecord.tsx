import { Button, Group, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AllergyForm } from './AllergyForm.tsx';
import { RequestTaker } from './QuickRequest.tsx';

/**
 * 「+ アレルギー」「+ 要望」 on the guest card, whatever its tab: the same allergy dialog and request taker as the
 * 宿泊・食事 tab, one click closer. An allergy: this button, the allergen typed into the picker that has the
 * focus, Enter to take it, Enter to save. A request: this button, a category (the first has the focus), the
 * text, Enter. Four interactions each, as from the tab.
 */
export function QuickRecord({ guestId, stayId }: { guestId: string; stayId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'allergy' | 'request' | null>(null);
  const close = () => setOpen(null);
  return (
    <Group gap="xs" wrap="nowrap" data-testid="quick-record">
      <Button
        size="xs"
        variant="light"
        color="red"
        data-testid="card-record-allergy"
        onClick={() => setOpen('allergy')}
      >
        + {t('service.quick.allergy')}
      </Button>
      <Button size="xs" variant="light" data-testid="card-record-request" onClick={() => setOpen('request')}>
        + {t('service.quick.request')}
      </Button>
      {open === 'allergy' && <AllergyForm guestId={guestId} onClose={close} />}
      <Modal
        opened={open === 'request'}
        onClose={close}
        size="lg"
        title={t('service.requests.record')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {open === 'request' && <RequestTaker guestId={guestId} stayId={stayId} inDialog onClose={close} />}
      </Modal>
    </Group>
  );
}
