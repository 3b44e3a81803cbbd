import type { SettingField } from '../../../../../shared/ipc/channels/settings.ts';

/** What an input holds: text for numbers and choices (as typed), a flag for on/off. */
export type Draft = string | boolean;

/** The input's starting content for a value in force. */
export function draftOf(field: SettingField): Draft {
  if (field.range.kind === 'boolean') return field.value === true;
  if (field.range.kind === 'list' || field.range.kind === 'map') return JSON.stringify(field.value);
  const { value } = field;
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/**
 * The value sent to main for what the trader typed. A number that does not read as one is sent
 * as typed, so main's schema answers what is wrong with it; an empty field is sent as null
 * ("a value is required"). Main alone decides what is allowed.
 */
export function wireValueOf(field: SettingField, draft: Draft): unknown {
  if (typeof draft === 'boolean') return draft;
  const text = draft.trim();
  if (field.range.kind === 'list' || field.range.kind === 'map') return parsedList(text);
  if (text === '') return null;
  if (field.range.kind === 'integer' || field.range.kind === 'number') {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

function parsedList(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Whether the draft differs from the value in force. */
export function isChanged(field: SettingField, draft: Draft): boolean {
  return JSON.stringify(wireValueOf(field, draft)) !== JSON.stringify(field.value);
}
