import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, type Language, setLanguage } from '../i18n/index.ts';

/** 日本語 / English, remembered on this PC. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      data-testid="language-switch"
      aria-label={t('language.label')}
      size="xs"
      value={currentLanguage()}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
