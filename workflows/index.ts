// Bundle entry: every workflow the worker registers is exported here.
export { duplicateCheckWorkflow } from './duplicates';
export { exceptionsAlertWorkflow } from './exceptions';
export { healthCheckWorkflow } from './healthcheck';
export { inventoryPickupWorkflow, inventoryPushWorkflow } from './inventory';
export { orderWorkflow } from './order';
export { pullOrdersWorkflow } from './pull-orders';
export { shipmentPickupWorkflow } from './shipments';
