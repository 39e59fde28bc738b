// The pure domain layer: deterministic, no I/O, safe to import from workflow code.
export * from './hold-clock';
export * from './item-filter';
export * from './order';
export * from './order-status';
export * from './order-summary';
export * from './problems';
export * from './ship-method';
export * from './translation';
export * from './warehouse';
export * from './shipment-lines';
