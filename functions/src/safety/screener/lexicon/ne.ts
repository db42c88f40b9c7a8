/** placeholder */
import type { LexiconPart } from '../rules';

export const NE: LexiconPart = { lang: 'ne', rules: { risk: [], mood: [], time: [] }, frames: [] };
