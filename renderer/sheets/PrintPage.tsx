// PLACEHOLDER (issue 3): the sheets helper replaces this screen.
export function PrintPage(_props: { sheet: 'briefing' | 'kitchen'; date: string; stayId?: string }) {
  return null;
}
