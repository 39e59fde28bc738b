import pino from 'pino';

/** The process-wide structured logger; `LOG_LEVEL` sets its level. */
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'epf' } });
