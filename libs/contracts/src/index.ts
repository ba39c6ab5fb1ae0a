export * from './accounts';
export * from './errors';
export * from './routes';
export * from './conversations';
export * from './events';
export * from './live';
