/**
 * Which language Bestie answers in: the language of the message when its script says so (Devanagari is
 * Hindi or Nepali, told apart by common function words), otherwise the student's profile language when
 * Bestie has texts in it, otherwise English. Pure.
 */
import { CONTENT_LANGUAGES, type ContentLanguage } from '../model/schemas';

const DEVANAGARI = /[\u0900-\u097F]/g;
const LETTER = /\p{L}/gu;

/** Words (and endings) far more common in Nepali than in Hindi. */
const NEPALI_MARKERS = ['छ', 'छु', 'छैन', 'छन्', 'हुनुहुन्छ', 'मलाई', 'तपाईं', 'तपाई', 'गर्न', 'भयो', 'हुन्छ', 'पनि', 'सक्दिन', 'लाग्छ', 'थियो', 'भएको'];
/** Words far more common in Hindi than in Nepali. */
const HINDI_MARKERS = ['है', 'हैं', 'हूँ', 'हूं', 'मुझे', 'नहीं', 'क्या', 'मैं', 'बहुत', 'था', 'रहा', 'रही', 'सकता', 'सकती', 'लगता', 'आप'];

function count(words: readonly string[], markers: readonly string[]): number {
  const set = new Set(markers);
  return words.reduce((n, w) => (set.has(w) ? n + 1 : n), 0);
}

/** `hi` or `ne` for text mostly in Devanagari; undefined for anything else. */
export function detectScriptLanguage(text: string): 'hi' | 'ne' | undefined {
  const letters = text.match(LETTER)?.length ?? 0;
  const devanagari = text.match(DEVANAGARI)?.length ?? 0;
  if (letters === 0 || devanagari / letters < 0.5) return undefined;
  const words = text.split(/[\s,.!?।॥"'()\-–—:;]+/u).filter((w) => w !== '');
  return count(words, NEPALI_MARKERS) > count(words, HINDI_MARKERS) ? 'ne' : 'hi';
}

function isContentLanguage(language: string | undefined): language is ContentLanguage {
  return language !== undefined && (CONTENT_LANGUAGES as readonly string[]).includes(language);
}

export function replyLanguage(text: string, profileLanguage?: string): ContentLanguage {
  const fromScript = detectScriptLanguage(text);
  if (fromScript) return fromScript;
  return isContentLanguage(profileLanguage) ? profileLanguage : 'en';
}
