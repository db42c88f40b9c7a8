/**
 * Strips personal details from text before it is sent to a language model: email addresses, URLs and bare
 * web addresses, social handles, phone-like digit runs (9 digits or more, Latin or Devanagari, with the
 * usual separators; account and ID numbers go with them) and the names the caller knows (the student's
 * alias, a counselor's name). Each becomes a placeholder the model can still reason about (`[email]`,
 * `[link]`, `[handle]`, `[phone]`, `[name]`). Numbers that matter for triage ("20 pills", "at 10:30",
 * "14416") are kept. Pure.
 */

/** Longest input considered (chat messages are ≤ 2000 characters; summaries join several). */
export const PII_INPUT_MAX = 20_000;

export interface Stripped {
  text: string;
  /** Replacements made, per kind. */
  counts: { email: number; link: number; handle: number; phone: number; name: number };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’]/gi;
/** Lower-case bare web addresses with a common generic TLD or an Indian/Nepali second-level domain. */
const BARE_DOMAIN = /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|info|xyz|(?:co|ac|org|gov|nic|edu|res)\.in|(?:com|edu|org|gov)\.np)\b(?:\/(?:[^\s<>"]*[^\s<>".,;:!?)\]'’])?)?/g;
const HANDLE = /(^|[^\p{L}\p{N}_@])@[\p{L}\p{N}_.]{2,30}/gu;
/** A digit (Latin or Devanagari) followed by digits and separators, ending in a digit. */
const DIGIT_RUN = /\+?[0-9\u0966-\u096F][0-9\u0966-\u096F \-().]{6,}[0-9\u0966-\u096F]/g;
const DIGIT = /[0-9\u0966-\u096F]/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names as case-insensitive whole-word patterns, longest first (so "Calm Otter 42" wins over "Calm Otter"). */
function namePatterns(names: readonly string[]): RegExp[] {
  const unique = [...new Set(names.map((n) => n.trim().replace(/\s+/g, ' ')).filter((n) => n.length >= 3))];
  unique.sort((a, b) => b.length - a.length);
  return unique.map((n) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(n).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'));
}

/** The student's alias ("Calm Otter 42") and the same without its number ("Calm Otter"), for `names`. */
export function aliasNames(alias: string): string[] {
  const withoutNumber = alias.replace(/\s*\d+$/, '').trim();
  return withoutNumber.split(/\s+/).length >= 2 ? [alias, withoutNumber] : [alias];
}

export function stripPersonalDetails(input: string, names: readonly string[] = []): Stripped {
  const counts = { email: 0, link: 0, handle: 0, phone: 0, name: 0 };
  let text = input.slice(0, PII_INPUT_MAX);
  for (const pattern of namePatterns(names)) {
    text = text.replace(pattern, () => {
      counts.name += 1;
      return '[name]';
    });
  }
  text = text.replace(EMAIL, () => {
    counts.email += 1;
    return '[email]';
  });
  text = text.replace(URL, () => {
    counts.link += 1;
    return '[link]';
  });
  text = text.replace(BARE_DOMAIN, () => {
    counts.link += 1;
    return '[link]';
  });
  text = text.replace(HANDLE, (_match, before: string) => {
    counts.handle += 1;
    return `${before}[handle]`;
  });
  text = text.replace(DIGIT_RUN, (run) => {
    const digits = run.match(DIGIT)?.length ?? 0;
    if (digits < 9) return run;
    counts.phone += 1;
    return '[phone]';
  });
  return { text, counts };
}
