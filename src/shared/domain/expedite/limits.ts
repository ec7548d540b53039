/**
 * Not a contact-center rule (those live in Policy): a sane bound for a free-text
 * field, so one request cannot carry a document's worth of text through sync.
 */
export const EXPEDITE_EXPLANATION_MAX_CHARS = 4000;
