export { createDesktopCore, DesktopCore, CACHE_FILE_NAME, type DesktopCoreOptions } from './desktop-core';
export { fileKeyProvider } from './file-key-provider';
export type { KeyProvider } from './key-provider';
export type { CoreLogger } from './logger';
