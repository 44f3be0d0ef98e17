import { type KeyboardEvent, useState } from 'react';

// A searchable Select where what is typed is what Enter and Tab take. Mantine's own Select, typed into, highlights
// nothing: Enter then sends the form without a value, and Tab drops what was typed. Its selectFirstOptionOnChange
// also fires when the text changes without typing (the value set on opening a correction, the list opened on
// focus), and Enter or Tab would then take the list's first entry in place of the value: so the first match is
// highlighted only once the person has typed, until they pick, leave or come back.

/** Tab takes the highlighted option (only one highlighted by typing or the arrow keys), then focus moves on. */
function pickHighlightedOnTab(event: KeyboardEvent<HTMLInputElement>): void {
  if (event.key !== 'Tab' || event.nativeEvent.isComposing) return;
  // aria-controls names the list only while it is open; Mantine marks the highlighted option
  // data-combobox-selected (a hovered or checked one is not).
  const listId = event.currentTarget.getAttribute('aria-controls');
  const list = listId ? document.getElementById(listId) : null;
  list?.querySelector<HTMLElement>('[data-combobox-option][data-combobox-selected]')?.click();
}

/** Props to spread on a searchable Select. */
export function useTypeToPick() {
  const [typed, setTyped] = useState(false);
  const idle = () => setTyped(false);
  return {
    selectFirstOptionOnChange: typed,
    onInput: () => setTyped(true),
    onFocus: idle,
    onBlur: idle,
    onOptionSubmit: idle,
    onKeyDown: pickHighlightedOnTab,
    // Enter on the list opened over a chosen value would otherwise clear it (the checked option toggles off);
    // the clear button is the way to empty the field.
    allowDeselect: false,
  };
}
