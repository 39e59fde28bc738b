// Bundle entry: every workflow the worker registers is exported here.
export { duplicateCheckWorkflow } from './duplicates';
export { exceptionsAlertWorkflow } from './exceptions-alert';
export { healthCheckWorkflow } from './healthcheck';
export { inventoryPickupWorkflow } from './inventory-pickup';
export { inventoryPushWorkflow } from './inventory-push';
export { orderWorkflow } from './order';
export { pullOrdersWorkflow } from './pull';
export { shipmentPickupWorkflow } from './shipment-pickup';
