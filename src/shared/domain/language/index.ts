export * from './date-input';
export * from './date-words';
export * from './language';
export * from './plural';
export * from './zone-name';
