export * from './common.ts';
export * from './site.ts';
export * from './programme.ts';
export * from './unit.ts';
export * from './task.ts';
export * from './meeting.ts';
