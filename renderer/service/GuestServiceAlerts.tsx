// PLACEHOLDER (issue 3): the guest-card helper replaces this screen.
export function GuestServiceAlerts(_props: { guestId: string; deleted: boolean }) {
  return null;
}
