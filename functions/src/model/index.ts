/**
 * The data model: schemas, enums and types (`schemas`), collection names and path builders (`paths`),
 * the document registry the docs are generated from (`registry`) and zod-backed Firestore converters
 * (`converters`). Client apps can `import type { UserProfile } from 'functions/lib/model'`.
 */
export * from './schemas';
export * from './paths';
export * from './registry';
export * from './converters';
