import { z } from 'zod';

export const loginSchema = z.object({
	username: z.string().trim().min(1, 'Enter your username.').max(64, 'That username is too long.'),
	password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.')
});

/** Only same-site relative paths may be returned to after sign-in. */
export function safeRedirect(target: string | null): string {
	return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : '/';
}
