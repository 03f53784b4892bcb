/**
 * The small languages of scenario data: templates with `{ $ref }` placeholders (events the paths and
 * scripts send) and checks (what happened and how things ended), with their zod schemas.
 */
import { z } from 'zod';

/** A reference into the resolved world (`refs.carrier.account`, `customer.name`, `start.date`…). */
export interface Ref {
	$ref: string;
}
/** JSON with `{ $ref }` placeholders anywhere. */
// `undefined` members are allowed so literal unions (`{ note?: undefined }`) type-check; JSON drops them.
export type Template = string | number | boolean | null | Ref | Template[] | { [key: string]: Template | undefined };
export const templateZ: z.ZodType<Template, Template> = z.lazy(() =>
	z.union([z.string(), z.number(), z.boolean(), z.null(), z.object({ $ref: z.string() }).strict(), z.array(templateZ), z.record(z.string(), templateZ.optional())])
) as unknown as z.ZodType<Template, Template>;
/** A machine event with placeholders; the runner stamps `at` and `by`. */
export type EventTemplate = { type: string } & { [key: string]: Template | undefined };
export const eventTemplateZ = z.looseObject({ type: z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$|^signed$/) }) as unknown as z.ZodType<EventTemplate, EventTemplate>;

/** Who sends an event in the scenario: the trainee, the scripted customer, or a simulated colleague (by id). */
export interface ActorEvent {
	by: string;
	event: EventTemplate;
}
export const actorEventZ = z.object({ by: z.string(), event: eventTemplateZ });

/**
 * Matches one value: a literal (deep equality), a `{ $ref }`, an operator object, or a plain object
 * whose keys (dotted paths allowed) must each match (a partial match).
 */
export type Match =
	| string
	| number
	| boolean
	| null
	| Ref
	| {
			eq?: Template;
			contains?: string;
			in?: Template[];
			gte?: number | Ref;
			lte?: number | Ref;
			exists?: boolean;
			len?: number;
			some?: Match;
			not?: Match;
	  }
	| { [path: string]: Match | undefined };
export const matchZ: z.ZodType<Match, Match> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown())])) as unknown as z.ZodType<Match, Match>;

/** A condition on what happened (the log) or how things ended (the final machine context and world). */
export type Check =
	| { all: Check[] }
	| { any: Check[] }
	| { not: Check }
	/** Some logged machine event of this type matches (applied ones unless `refused`). */
	| { event: string; where?: Record<string, Match | undefined>; refused?: boolean; actor?: 'trainee' | 'customer' | 'colleague' }
	/** Some refused event names this rule. */
	| { refusedRule: string }
	/** The final machine context at this dotted path. */
	| { ctx: string; is: Match }
	/** Some effect the run left (in order of the machine's effects). */
	| { effect: string; where?: Record<string, Match | undefined> }
	/** The machine ended in one of these outcomes. */
	| { outcome: string[] }
	/** The trainee picked this option ("prompt-id.option-id"), said this reply, or inspected this item. */
	| { choice: string }
	| { said: string }
	| { inspected: string };
export const checkZ: z.ZodType<Check, Check> = z.lazy(() =>
	z.union([
		z.object({ all: z.array(checkZ).min(1) }).strict(),
		z.object({ any: z.array(checkZ).min(1) }).strict(),
		z.object({ not: checkZ }).strict(),
		z.object({ event: z.string(), where: z.record(z.string(), matchZ.optional()).optional(), refused: z.boolean().optional(), actor: z.enum(['trainee', 'customer', 'colleague']).optional() }).strict(),
		z.object({ refusedRule: z.string() }).strict(),
		z.object({ ctx: z.string(), is: matchZ }).strict(),
		z.object({ effect: z.string(), where: z.record(z.string(), matchZ.optional()).optional() }).strict(),
		z.object({ outcome: z.array(z.string()).min(1) }).strict(),
		z.object({ choice: z.string() }).strict(),
		z.object({ said: z.string() }).strict(),
		z.object({ inspected: z.string() }).strict()
	])
);
