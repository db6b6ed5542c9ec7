// Every URL the site publishes. Runbooks link to these: never change one once published.
export const entryPath = (code: string) => `/errors/${code}/`;
/** Every client's snippet for a code, run against every major (the entry page lists the classes). */
export const clientsPath = (code: string) => `/errors/${code}/in-your-code/`;
/** Every message of 14-19 that carries a code, with DETAIL/HINT texts and translations. */
export const messagesPath = (code: string) => `/errors/${code}/messages/`;
export const classPath = (classCode: string) => `/classes/${classCode}/`;

/** The slug other references use: "08006-connection-failure". */
export const codeSlug = (code: string, name: string) => `${code}-${name.replaceAll('_', '-')}`;

/** Anchors inside an entry page, in page order. Fixes are numbered: #fix-1, #fix-2, ... */
export const SECTION_IDS = {
  meaning: 'what-this-means',
  messages: 'messages',
  inYourCode: 'in-your-code',
  causes: 'why-it-happens',
  inDepth: 'in-depth',
  reproduction: 'how-to-reproduce',
  fixes: 'how-to-fix',
  notToDo: 'what-not-to-do',
  versionNotes: 'version-notes',
  dangerousVariant: 'dangerous-variant',
  retry: 'retry-safety',
  sources: 'sources',
  confidence: 'confidence-assessment',
  related: 'see-also',
  catalog: 'catalog',
  serverMessages: 'server-messages',
  siblings: 'class-siblings',
} as const;
export const fixId = (n: number) => `fix-${n}`;
