export * from './settings.js';
export * from './world.js';
export * from './records.js';
export * from './events.js';
export * from './control.js';
