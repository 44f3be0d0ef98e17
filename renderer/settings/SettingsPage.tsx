// PLACEHOLDER (issue 3): the settings helper replaces this screen.
export function SettingsPage(_props: Record<string, never>) {
  return null;
}
