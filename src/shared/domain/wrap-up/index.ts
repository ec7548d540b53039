export * from './after-call-work';
export * from './dispositions';
export * from './handle-time';
export * from './policy-section';
