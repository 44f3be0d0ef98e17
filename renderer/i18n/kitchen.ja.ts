// Japanese words of the kitchen screens (owned with them). Same keys in kitchen.en.ts.
export const jaKitchen = {
  title: 'kitchen',
};
