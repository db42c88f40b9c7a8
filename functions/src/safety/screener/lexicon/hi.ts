/** placeholder */
import type { LexiconPart } from '../rules';

export const HI: LexiconPart = { lang: 'hi', rules: { risk: [], mood: [], time: [] }, frames: [] };
