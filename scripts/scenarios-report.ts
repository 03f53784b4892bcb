// `npm run scenarios:report`: how the scenario files cover procedures, levels, competencies, faults and
// learning paths, as markdown tables. Zeros are printed so gaps are visible.
import { SCENARIOS } from '../src/scenarios/index';
import { LEARNING_PATHS } from '../src/scenarios/learning-paths';
import { countCoverage, coverageRows } from '../src/scenarios/coverage';
import { COMPETENCIES } from '../src/lib/competency/framework';
import { LEVEL_TITLES, type Level } from '../src/lib/domain/levels';
import { PROCEDURES, type ProcedureKey } from '../src/machines/registry';

const table = (head: string[], rows: (string | number)[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const section = (title: string, body: string) => console.log(`\n## ${title}\n\n${body}`);

const c = countCoverage(coverageRows(SCENARIOS), LEARNING_PATHS);
const covered = (counts: Record<string, number>) => Object.values(counts).filter((n) => n > 0).length;

console.log('# Scenario coverage');
section(
	'Totals',
	table(
		['what', 'count'],
		[
			['scenarios', c.total],
			['faults covered (of F-01 … F-35)', `${covered(c.byFault)} / ${Object.keys(c.byFault).length}`],
			['competencies with a scenario', `${covered(c.byCompetency)} / ${COMPETENCIES.length}`],
			['irate-contact scenarios', c.byProcedure['irate-contact']],
			['learning paths', c.paths.length]
		]
	)
);
section('By procedure (machine)', table(['procedure', 'title', 'scenarios'], Object.entries(c.byProcedure).map(([k, n]) => [k, PROCEDURES[k as ProcedureKey]?.title ?? '?', n])));
section('By level', table(['level', 'scenarios'], Object.entries(c.byLevel).map(([k, n]) => [LEVEL_TITLES[k as Level] ?? k, n])));
section(
	'By competency',
	table(
		['competency', 'level', 'live procedure', 'scenarios'],
		COMPETENCIES.map((x) => [x.id, LEVEL_TITLES[x.level], x.procedures.join(', ') || '—', c.byCompetency[x.id]])
	)
);
section('By fault', table(['fault', 'scenarios'], Object.entries(c.byFault)));
section('Irate contacts by customer language', table(['language', 'scenarios'], Object.entries(c.irateByLanguage)));
section(
	'Learning paths',
	table(
		['id', 'title', 'level', 'scenarios', 'competencies of its level: held / default requirement'],
		c.paths.map((p) => [p.id, p.title, p.level ? LEVEL_TITLES[p.level as Level] : 'topic', p.scenarios, p.evidence.map((e) => (e.need ? `${e.competency} ${e.have}/${e.need}` : `${e.competency} (no scenarios)`)).join(', ') || '—'])
	)
);
