export * from './api';
export * from './channels';
export * from './events';
export * from './result';
export * from './views';
export * from './supervisor-views';
export * from './telephony-views';
