/**
 * Wiring only: every deployed function is re-exported from its feature folder.
 */
export { onUserCreated, setUserRole } from './identity/triggers';
