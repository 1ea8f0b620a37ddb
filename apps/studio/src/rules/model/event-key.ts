/**
 * The i18n key of a trigger event. i18next splits keys on dots, so `record.created` is looked
 * up as `rules.events.record_created`.
 */
export const eventKey = (event: string): string => `rules.events.${event.replace(/\./g, '_')}`;
