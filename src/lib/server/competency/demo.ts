/**
 * Demo office only: staff who joined at CSR II and above already hold the competencies of their level
 * and below (they were promoted before Counterline existed). Recorded as supervisor sign-offs whose
 * override reason says so, so the record is honest about having no evidence in Counterline. CSR Is
 * start with none. Gating is unchanged: nobody gets a competency above their own level.
 */
import { COMPETENCIES } from '$lib/competency/framework';
import { levelRank } from '$lib/domain/levels';
import { mutate, type Store } from '../store';
import { audit } from '../audit/log';
import { findLoginByUsername, listUsers } from '../repos/users';
import { insertSignoff } from '../repos/signoffs';
import { revisionsFor } from './progress';

export function seedDemoSignoffs(store: Store, signerUsername: string, at: number): number {
	const signer = findLoginByUsername(store, signerUsername);
	if (!signer) return 0;
	let n = 0;
	mutate(store, () => {
		for (const u of listUsers(store).filter((x) => x.id !== signer.id && x.teamId !== null && levelRank(x.level) >= levelRank('csr2') && levelRank(x.level) < levelRank(signer.level))) {
			for (const c of COMPETENCIES.filter((c) => levelRank(c.level) <= levelRank(u.level))) {
				insertSignoff(store, {
					userId: u.id,
					competencyId: c.id,
					signedBy: signer.id,
					signedAt: at,
					note: `Held at ${u.level} before Counterline (demo staff).`,
					frameworkVersion: 1,
					revisions: revisionsFor(c),
					evidence: { seeded: true },
					requirementsMet: false,
					overrideReason: 'Demo staff: competency held before Counterline was introduced; no evidence recorded here.'
				});
				n++;
			}
		}
		audit(store, { actor: null, action: 'competency.seed', target: 'office:demo', summary: { signoffs: n, signer: signer.username }, at });
	});
	return n;
}
