/** The database schema: staff side (kept across sandbox resets), the sandbox utility and the competency tracker. */
export * from './schema-staff';
export * from './schema-sandbox';
export * from './schema-competency';
