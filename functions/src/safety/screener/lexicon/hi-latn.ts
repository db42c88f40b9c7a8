/** placeholder */
import type { LexiconPart } from '../rules';

export const HI_LATN: LexiconPart = { lang: 'hi-Latn', rules: { risk: [], mood: [], time: [] }, frames: [] };
