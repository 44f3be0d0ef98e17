// Japanese words of the service screens (owned with them). Same keys in service.en.ts.
export const jaService = {
  title: 'service',
};
