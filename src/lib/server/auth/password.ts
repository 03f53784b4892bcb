/** argon2id password hashing with the parameters the Lucia guide recommends (m=19456 KiB, t=2, p=1). */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
	if (password.length < 10) return 'Use at least 10 characters.';
	if (password.length > 200) return 'Use at most 200 characters.';
	return null;
}
