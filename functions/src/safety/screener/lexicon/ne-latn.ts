/** placeholder */
import type { LexiconPart } from '../rules';

export const NE_LATN: LexiconPart = { lang: 'ne-Latn', rules: { risk: [], mood: [], time: [] }, frames: [] };
