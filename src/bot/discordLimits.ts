/**
 * Discord's hard limits, named once. A payload over any of them is rejected with a 400, so every
 * formatter trims against these rather than against numbers typed inline.
 */
export const MESSAGE_CONTENT_LIMIT = 2000;
export const EMBED_TITLE_LIMIT = 256;
export const EMBED_DESCRIPTION_LIMIT = 4096;
export const EMBED_FIELD_NAME_LIMIT = 256;
export const EMBED_FIELD_VALUE_LIMIT = 1024;
export const EMBED_FOOTER_LIMIT = 2048;
export const EMBED_FIELDS_MAX = 25;
/** Sum of every title, description, field, footer and author text across all embeds of a message. */
export const EMBED_TOTAL_LIMIT = 6000;
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_LIMIT = 100;
export const CHOICE_VALUE_LIMIT = 100;
export const CUSTOM_ID_LIMIT = 100;
export const THREAD_NAME_LIMIT = 100;
export const FILES_PER_MESSAGE_MAX = 10;
/** An interaction must be answered (reply, defer or autocomplete result) within this time. */
export const INTERACTION_ACK_DEADLINE_MS = 3000;
/** After the first response, the interaction token stays valid for edits and follow-ups this long. */
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
