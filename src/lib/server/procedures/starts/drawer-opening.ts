import type { ProcedureStart } from './types';

export const drawerOpeningStart: ProcedureStart = {
	subjectLabel: 'Drawer',
	subjectOptions: (db) =>
		(
			db
				.prepare("SELECT name, location FROM drawers d WHERE NOT EXISTS (SELECT 1 FROM batches b WHERE b.drawer_id = d.id AND b.status = 'open') ORDER BY name")
				.all() as { name: string; location: string }[]
		).map((d) => ({ value: d.name, label: `${d.name} — ${d.location}` })),
	plan(db, { subject }) {
		const drawer = db.prepare('SELECT id, name FROM drawers WHERE name = ?').get(subject) as { id: number; name: string } | undefined;
		if (!drawer) return { ok: false, message: 'Choose a drawer from the list.' };
		const open = db.prepare("SELECT business_date AS d FROM batches WHERE drawer_id = ? AND status = 'open' ORDER BY id DESC LIMIT 1").get(drawer.id) as { d: string } | undefined;
		if (open) return { ok: false, message: `${drawer.name} is already open (since ${open.d}). Close it before opening it again.` };
		return { ok: true, input: { drawerRef: drawer.name }, subject: drawer.name };
	}
};
