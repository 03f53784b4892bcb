/** Ports of the servers the reliability tests start (one range, one port per use, no collisions between files). */
const BASE = Number(process.env.RELIABILITY_PORT_BASE ?? 4230);

export const PORTS = {
	backup: BASE,
	restore: BASE + 1,
	crash: BASE + 2,
	races: BASE + 3,
	fuzz: BASE + 4,
	authz: BASE + 5,
	sessions: BASE + 6,
	throttle: BASE + 7
} as const;
