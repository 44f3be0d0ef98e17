// The shape a translation has, taken from the Japanese messages: the same keys, each a string. A counted message
// uses i18next's plural suffixes. Japanese counts have one form, so Japanese has x_other alone ('{{count}}泊');
// English has x_one beside it ('{{count}} night', '{{count}} nights'), and this type asks for it. The renderer
// calls t('x', { count }); the PDF maker picks the form with fillCount (shared/i18n/service-labels.ts).

export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> } & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_one` : never]: string;
};
