export { orgSv } from './sv.js';
export { orgEn } from './en.js';
