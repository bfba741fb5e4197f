export * from '../platform/tables.js';
export * from '../modules/organization/tables.js';
