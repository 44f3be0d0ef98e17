// PLACEHOLDER (issue 3): the arrivals helper replaces this screen.
export function ArrivalsPage(_props: { date?: string }) {
  return null;
}
