/** The approval engine's public surface: one engine for every account action (issue 14). */
export * from './types';
export * from './approvals';
export * from './approvals-config';
export * from './actions-file';
export * from './merge-logs';
