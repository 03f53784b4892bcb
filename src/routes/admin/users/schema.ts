import { z } from 'zod';
import { LEVELS } from '$lib/domain/levels';
import { isIsoDate } from '$lib/domain/calendar';

export const createUserSchema = z.object({
	username: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9._-]{3,32}$/, 'Use 3–32 lowercase letters, digits, dots, dashes or underscores.'),
	displayName: z.string().trim().min(2, 'Enter the person’s name.').max(80, 'Keep the name under 80 characters.'),
	level: z.enum(LEVELS, { message: 'Choose a level.' }),
	isAdmin: z.literal('on', { message: 'The administrator box is either ticked or not.' }).optional(),
	hireDate: z.string().refine(isIsoDate, 'Enter the hire date as a real date, YYYY-MM-DD.'),
	teamId: z.string().regex(/^\d*$/, 'Choose a team.'),
	password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.')
});

export const resetPasswordSchema = z.object({
	password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.')
});

export const confirmSchema = z.object({
	confirm: z.literal('yes', { message: 'Tick the box to confirm.' })
});
