export * from './settings.js';
export * from './world.js';
export * from './records.js';
export * from './events.js';
export * from './control.js';
export * from './c2b.js';
export * from './initiator-settings.js';
export * from './initiator-control.js';
