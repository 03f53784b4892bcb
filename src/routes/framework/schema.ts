import { z } from 'zod';

const count = (label: string) => z.coerce.number({ message: `${label}: enter a whole number.` }).int(`${label}: enter a whole number.`).min(0, `${label} cannot be negative.`).max(50, `${label}: at most 50.`);

export const requirementSchema = z.object({
	competency: z.string().regex(/^C-[A-Z0-9]+$/, 'Unknown competency.'),
	passedScenarios: count('Passed scenarios'),
	withFaultFound: count('With a fault found'),
	cleanLiveRuns: count('Clean live runs'),
	observations: count('Observation notes'),
	note: z.string().trim().min(3, 'Say why the requirement changes.').max(500, 'Keep the note under 500 characters.')
});
