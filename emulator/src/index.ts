// Public API of the emulator package: start the offline Firestore emulator (whole, as the CLI runs
// it, or just the server around a Backend) and the Security Rules engine it uses.

export { startEmulator, type EmulatorOptions, type RunningEmulator } from './server/emulator';
export { startServer, type RunningServer, type ServerOptions } from './server/server';
export { Backend, type BackendOptions } from './server/backend';
export { TriggerDispatcher, type DispatcherOptions } from './server/delivery';
export { exportData, importData } from './server/persistence';
export { compileRules } from './server/rules-adapter';
export { principalFromAuthorization, type Authorizer, type AuthorizerFactory, type Decision, type Principal } from './server/auth';
export * as rules from './rules';
