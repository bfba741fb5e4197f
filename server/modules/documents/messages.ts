import type { Lang } from '../../platform/i18n/messages.js';

/** The documents context's messages: Swedish first (the default), English second. */
export const messages: Record<Lang, Record<string, string>> = {
  sv: {
    'documents.fileRequired': 'Välj en fil att ladda upp.',
    'documents.ownSuccessor': 'Ett dokument kan inte ersättas av sig självt.',
  },
  en: {
    'documents.fileRequired': 'Choose a file to upload.',
    'documents.ownSuccessor': 'A document cannot be superseded by itself.',
  },
};
