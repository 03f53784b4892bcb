import { z } from 'zod';

export const changePasswordSchema = z
	.object({
		current: z.string().min(1, 'Enter your current password.'),
		password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
		repeat: z.string()
	})
	.refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'The two new passwords differ.' });
