/** Every procedure the reliability tests can drive live (those whose steps have forms). */
import type { ProcedureDriver } from './types';
import { drawerOpeningDriver } from './drawer-opening';

export const DRIVERS: ProcedureDriver[] = [drawerOpeningDriver];

export type { ProcedureDriver, RunPlan, StepChoice, DriverPeople, Sender } from './types';
