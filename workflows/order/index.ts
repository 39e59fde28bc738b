// The order workflow, one file per concern over the run state in run.ts; see docs/architecture.md, "The order workflow".
export { orderWorkflow } from './workflow';
export { MAX_HOLDS_PER_RUN } from './hold';
