export * from './policy-section';
export * from './service-request';
