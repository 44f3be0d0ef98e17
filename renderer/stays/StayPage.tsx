// PLACEHOLDER (issue 3): the stay-page helper replaces this screen.
export function StayPage(_props: { id: string }) {
  return null;
}
