export * from '../platform/tables.js';
export * from '../modules/organization/tables.js';
export * from '../modules/goals/tables.js';
export * from '../modules/documents/tables.js';
export * from '../modules/services/tables.js';
export * from '../modules/audits/tables.js';
export * from '../modules/portfolio/tables.js';
