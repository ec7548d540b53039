export * from './search-index';
export * from './search-text';
