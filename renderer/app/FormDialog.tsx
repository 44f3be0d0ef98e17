import { Modal, type ModalProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog.tsx';

// The one layout of every record form's dialog. The dialog is at most the window's height; its title stays at
// the top (Mantine's sticky header) and the form's foot (FormFooter: the refused save's message, cancel, save)
// at the bottom, whatever the length of the form and its messages. Only the fields between scroll, and a field
// the cursor goes to is scrolled clear of both (scroll padding), not under them. On a 1366×768 screen every
// form fits without scrolling, messages shown.
//
// What was typed is not thrown away by a stray Escape or a click beside the dialog: once anything in the form
// was changed, closing it that way (or with its ×) asks first. The form's own cancel button closes at once.

/** Room kept clear above and below a field scrolled to: the sticky title and the sticky foot. */
const TITLE_HEIGHT = '4rem';
const FOOT_HEIGHT = '5rem';

export function FormDialog({
  title,
  size = 'md',
  centered,
  onClose,
  children,
}: {
  title: ReactNode;
  size?: ModalProps['size'];
  centered?: boolean;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  const [asking, setAsking] = useState(false);
  const closeAside = () => (changed ? setAsking(true) : onClose());
  return (
    <>
      <Modal
        opened
        onClose={closeAside}
        closeOnEscape={!asking}
        size={size}
        centered={centered}
        title={title}
        yOffset="2dvh"
        closeButtonProps={{ 'aria-label': t('common.close') }}
        styles={{
          content: { scrollPaddingTop: TITLE_HEIGHT, scrollPaddingBottom: FOOT_HEIGHT },
          body: { paddingBottom: 0 },
        }}
        data-testid="form-dialog"
      >
        {/* Typing, choosing, ticking: every change of a field bubbles an input or change event through here. */}
        <div onInputCapture={() => setChanged(true)} onChangeCapture={() => setChanged(true)}>
          {children}
        </div>
      </Modal>
      <ConfirmDialog
        opened={asking}
        title={t('common.discardTitle')}
        action={t('common.discard')}
        testId="discard-changes"
        onClose={() => setAsking(false)}
        onConfirm={onClose}
      >
        {t('common.discardBody')}
      </ConfirmDialog>
    </>
  );
}
