/**
 * Layer 1 of the safety pipeline (DESIGN.md §4.1): the deterministic multilingual risk screener.
 * `screen(text)` returns a level (none < low < moderate < high < imminent), stable reason codes, whether the
 * concern is about someone else, and language hints. No network, no model, no I/O.
 */
export { screen, type ScreenLanguage, type ScreenResult } from './engine';
export { CONCEPTS, REASON_ORDER, type Concept } from './concepts';
export { normalize, type Normalized } from './normalize';
