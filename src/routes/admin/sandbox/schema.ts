import { z } from 'zod';
import { isIsoDate } from '$lib/domain/calendar';

export const resetSchema = z.object({
	seed: z.string().regex(/^\d{1,9}$/, 'The seed is a whole number (up to 9 digits).'),
	accounts: z
		.string()
		.regex(/^\d{1,6}$/, 'Enter a whole number of accounts.')
		.refine((v) => Number(v) >= 50 && Number(v) <= 20000, 'Between 50 and 20,000 accounts.'),
	today: z.string().refine(isIsoDate, 'Enter the sandbox date as a real date, YYYY-MM-DD.'),
	confirm: z.literal('RESET', { message: 'Type RESET in capitals to confirm.' })
});
