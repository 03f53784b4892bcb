/** The database schema: staff side (kept across sandbox resets), training attempts and the sandbox utility. */
export * from './schema-staff';
export * from './schema-training';
export * from './schema-sandbox';
