export * from './board';
export * from './charts';
export * from './days';
export * from './figures';
export * from './forecast/forecast';
export * from './protocol';
export * from './roster';
export * from './supervised-callback';
