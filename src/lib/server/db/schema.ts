/** The database schema: staff side (kept across sandbox resets) and the sandbox utility. */
export * from './schema-staff';
export * from './schema-sandbox';
