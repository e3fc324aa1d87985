/** The languages the screens speak; format.ts and i18n.tsx both read it. */
export type Locale = 'ko' | 'en';
