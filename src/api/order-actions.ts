import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCartStore } from '../db/carts';
import { createOrderIndex } from '../db/orders';
import { cartOrderSchema } from '../domain/order';
import { orderFixSchema } from '../orders/order-fix';
import { startOrderWorkflow } from '../orders/submit';
import { cancelOrder, fixOrder, retryOrder } from '../operations/orders';
import type { ApiDeps } from './app';
import { orderByRef, orderRefParams, orderRefQuery } from './orders';
import { route } from './route';

const accepted = z.object({ workflowId: z.string(), requested: z.string() });
const refResponses = {
  404: 'no order matches the ref',
  409: 'the ref matches orders of several carts (pass ?cart=), or the workflow has finished or refused',
};

/** POST /orders, and cancel, retry and fix of one order: `epf orders submit|cancel|retry|fix`. */
export function registerOrderActionRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const orders = createOrderIndex(deps.pool);
  const submitDeps = { client: deps.temporal, taskQueue: deps.taskQueue, orders, carts: createCartStore(deps.pool) };
  const tag = 'orders';
  const workflowOf = async (ref: string, cartId: string | undefined) =>
    (await orderByRef(orders, ref, cartId)).workflow_id;

  route(
    app,
    'POST',
    '/orders',
    {
      tag,
      summary: "start a cart order's workflow (the normalised CartOrder, as epf orders submit)",
      body: cartOrderSchema,
      responses: {
        201: { description: 'started', schema: z.object({ workflowId: z.string() }) },
        200: {
          description: 'already submitted: the existing workflow, and how it was recognised',
          schema: z.object({ workflowId: z.string(), duplicate: z.string() }),
        },
      },
    },
    async ({ body }, reply) => {
      const result = await startOrderWorkflow(submitDeps, body);
      switch (result.outcome) {
        case 'started':
          return reply.code(201).send({ workflowId: result.workflowId });
        case 'duplicate':
          return { workflowId: result.workflowId, duplicate: result.reason };
        case 'invalid': {
          // The body is valid; what remains is the cart (unknown, or another merchant's): `field: message`.
          const [field, ...message] = result.message.split(': ');
          return reply.code(400).send({ error: 'invalid body', issues: [{ field, message: message.join(': ') }] });
        }
      }
    },
  );

  route(
    app,
    'POST',
    '/orders/:ref/cancel',
    {
      tag,
      summary: 'cancel an order: locally before the warehouse has it, at EasyPost after',
      params: orderRefParams,
      query: orderRefQuery,
      body: z.strictObject({ reason: z.string().trim().min(1).describe('why, for the audit log') }),
      responses: { 202: { description: 'cancel requested', schema: accepted }, ...refResponses },
    },
    async ({ params, query, body }, reply) => {
      const workflowId = await workflowOf(params.ref, query.cart);
      await cancelOrder(deps.temporal, workflowId, body.reason);
      return reply.code(202).send({ workflowId, requested: 'cancel' });
    },
  );

  route(
    app,
    'POST',
    '/orders/:ref/retry',
    {
      tag,
      summary: 'resend an order in on_hold or error now instead of at the next resend',
      params: orderRefParams,
      query: orderRefQuery,
      responses: { 202: { description: 'retry requested', schema: accepted }, ...refResponses },
    },
    async ({ params, query }, reply) => {
      const workflowId = await workflowOf(params.ref, query.cart);
      await retryOrder(deps.temporal, workflowId);
      return reply.code(202).send({ workflowId, requested: 'retry' });
    },
  );

  route(
    app,
    'POST',
    '/orders/:ref/fix',
    {
      tag,
      summary: 'correct an order in error or on_hold (address, SKUs, ship method, note) and resend it',
      params: orderRefParams,
      query: orderRefQuery,
      body: orderFixSchema,
      responses: {
        200: { description: 'fixed: the new status', schema: z.object({ workflowId: z.string(), status: z.string() }) },
        ...refResponses,
        504: 'no worker answered within 10 s',
      },
    },
    async ({ params, query, body }) => {
      const workflowId = await workflowOf(params.ref, query.cart);
      return { workflowId, status: await fixOrder(deps.temporal, workflowId, body) };
    },
  );
}
