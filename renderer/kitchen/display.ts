/** The tables whose changes can change what the floor sees about a stay (allergies, requests, menus…). */
export const FLOOR_TABLES = [
  'stays',
  'stay_party',
  'guests',
  'allergies',
  'allergens',
  'requests',
  'dishes',
  'courses',
  'served',
  'menu_plans',
  'settings',
  'staff',
] as const;

function parseDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** The days of a stay from arrival to departure, both included (breakfast is served on the departure day). */
export function stayDays(arrivalDate: string, departureDate: string): string[] {
  const days: string[] = [];
  const start = parseDay(arrivalDate);
  const end = parseDay(departureDate);
  if (!start || !end) return days;
  for (const d = start; d <= end && days.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10));
  }
  return days;
}
