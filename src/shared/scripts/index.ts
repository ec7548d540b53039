export * from './schema';
export * from './validate';
export * from './answers';
export * from './interpreter';
export * from './parse-file';
export * from './catalog';
export * from './skip-collected';
export * from './title';
