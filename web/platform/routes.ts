import type { ComponentType } from 'react';

/** A page of a module and where it sits in the route table (the index route has no path). */
export type ModuleRoute = { path?: string; index?: true; Page: ComponentType };
