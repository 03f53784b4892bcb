/**
 * Where training records link to. Attempt review pages belong to the scenario engine (issue 5):
 * this is the one place to change if its route differs.
 */
export const attemptHref = (attemptId: number) => `/practice/attempts/${attemptId}`;
export const scenarioHref = (scenarioId: string) => `/practice/${encodeURIComponent(scenarioId)}`;
