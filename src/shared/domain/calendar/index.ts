export * from './business-calendar';
export * from './federal-holidays';
