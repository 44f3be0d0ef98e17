import type { jaServiceErrors } from './service-errors.ja.ts';

export const enServiceErrors: Record<keyof typeof jaServiceErrors, string> = {
  stay_not_found: 'This stay cannot be found',
  party_includes_lead: 'The lead guest cannot also be a companion in the party',
  stay_not_of_guest: "This stay is not one of this guest's stays",
  allergen_not_found: 'This allergen is not in the list',
  allergen_withdrawn: 'This allergen was withdrawn from the list. Bring it back or choose another one.',
  allergen_already_withdrawn: 'This allergen is already withdrawn from the list',
  allergen_not_withdrawn: 'This allergen is not withdrawn',
  allergy_not_found: 'This allergy record cannot be found',
  allergy_already_recorded: 'This allergen is already recorded for the guest; correct that record instead',
  allergy_not_current: 'This allergy record was already corrected or retracted. Open the latest record again.',
  allergy_not_retracted: 'This allergy record is not retracted',
  request_not_found: 'This request cannot be found',
  room_taken:
    'Room {{room}} is booked for {{guest}} from {{arrival}} to {{departure}}. To put both parties in it, choose "Save as a shared room"',
};
