export * from './accounts';
export * from './errors';
export * from './routes';
export * from './conversations';
export * from './events';
export * from './live';
export * from './moderation-common';
export * from './moderation';
