// PLACEHOLDER (issue 3): the catalogue helper replaces this screen.
export function CataloguePage(_props: Record<string, never>) {
  return null;
}
