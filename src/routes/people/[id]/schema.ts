import { z } from 'zod';

const competencyId = z.string().regex(/^C-[A-Z0-9]+$/, 'Unknown competency.');
const text = (max: number, message: string) => z.string().trim().max(max, message);

export const signoffSchema = z.object({
	competency: competencyId,
	note: text(2000, 'Keep the note under 2,000 characters.'),
	overrideReason: text(2000, 'Keep the reason under 2,000 characters.').optional().default(''),
	supersedes: z.string().regex(/^\d*$/).optional().default('')
});

export const revokeSchema = z.object({ competency: competencyId, reason: text(2000, 'Keep the reason under 2,000 characters.') });

export const observeSchema = z.object({ competency: competencyId, note: text(2000, 'Keep the note under 2,000 characters.') });

export const requestSchema = z.object({ competency: competencyId });

export const promoteSchema = z.object({
	toLevel: z.string(),
	note: text(2000, 'Keep the note under 2,000 characters.'),
	overrideReason: text(2000, 'Keep the reason under 2,000 characters.').optional().default('')
});
