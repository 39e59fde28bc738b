import type { FastifyInstance } from 'fastify';
import { listInventories } from '../inventories';
import { paginate } from '../paging';
import { createProduct, deleteProduct, findProduct, patchProduct } from '../products';
import { ledgerOf } from './auth';

type WithId = { Params: { id: string } };
type ListQuery = { Querystring: Record<string, unknown> };

/** Products (docs §5), warehouses (§6) and inventories (§7). */
export function catalogRoutes(app: FastifyInstance): void {
  app.post('/products', async (request, reply) => reply.code(201).send(createProduct(ledgerOf(request), request.body)));

  app.get<ListQuery>('/products', async (request) => ({
    products: paginate([...ledgerOf(request).products.values()], request.query),
  }));

  app.get<WithId>('/products/:id', async (request) => findProduct(ledgerOf(request), request.params.id));

  app.patch<WithId>('/products/:id', async (request) =>
    patchProduct(ledgerOf(request), request.params.id, request.body),
  );

  app.delete<WithId>('/products/:id', async (request) => deleteProduct(ledgerOf(request), request.params.id));

  app.get('/warehouses', async (request) => ({ warehouses: [...ledgerOf(request).warehouses.values()] }));

  app.get<ListQuery>('/inventories', async (request) => ({
    inventories: listInventories(ledgerOf(request), request.query),
  }));
}
