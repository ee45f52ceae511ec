/**
 * Reading a time of day a person typed: 24-hour ("14:30", "14.30", "1430", the French "14h30"
 * and "14 h"), or 12-hour with its half of the day ("2:30 pm", "2 p.m.", and in Arabic "2:30 م",
 * "2:30 مساءً"). Arabic-Indic digits are read as digits. A bare hour ("14") is no time yet: it is
 * what the box holds halfway through "14:30", and reading it would save 14:00 on the way.
 */

export type TimeEntry = { kind: 'empty' } | { kind: 'time'; hour: number; minute: number } | { kind: 'invalid' };

const MORNING = /^(?:am|a\.m\.?|ص|صباحا|صباحًا)$/u;
const EVENING = /^(?:pm|p\.m\.?|م|مساء|مساءً|مساءا)$/u;

export function readTimeEntry(text: string): TimeEntry {
  const s = text
    .replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '')
    .trim()
    .toLowerCase();
  if (s === '') return { kind: 'empty' };
  const m = /^(\d{1,2})(?:\s*[:.٫]\s*(\d{2})|\s*h\s*(\d{2})?|(\d{2}))?\s*(\D*)$/u.exec(s);
  if (!m) return { kind: 'invalid' };
  const [, h = '', colonMinutes, hMinutes, runMinutes, rest = ''] = m;
  const half = rest.trim();
  const separated = colonMinutes !== undefined || runMinutes !== undefined || /h/u.test(s);
  let hour = Number(h);
  const minute = Number(colonMinutes ?? hMinutes ?? runMinutes ?? '0');
  if (runMinutes !== undefined && h.length !== 2) return { kind: 'invalid' };
  if (minute > 59) return { kind: 'invalid' };
  if (half === '') {
    if (!separated || hour > 23) return { kind: 'invalid' };
    return { kind: 'time', hour, minute };
  }
  const morning = MORNING.test(half);
  if (!morning && !EVENING.test(half)) return { kind: 'invalid' };
  if (hour < 1 || hour > 12) return { kind: 'invalid' };
  if (hour === 12) hour = 0;
  return { kind: 'time', hour: morning ? hour : hour + 12, minute };
}
