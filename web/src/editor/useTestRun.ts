export type { StepView as StepRecord } from '../executions/useLiveExecution';
