/** Billing items: list (billed, date.from, date.to) and GET. */
import type { RouteDefinition } from '../../http/route-types.js';
import { findBilling, findPcaService } from './pca-lookup.js';
import { BILLING_LIST_PATH, BILLING_PATH } from './pca-paths.js';
import { billingView } from './pca-views.js';
import { readBooleanFilter, readDateTimeFilter } from './query-filters.js';

export const billingRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    pattern: BILLING_LIST_PATH,
    itemPattern: BILLING_PATH,
    description: 'cloud Archives billing items',
    queryParams: [
      { name: 'billed', type: 'boolean', description: 'Filter the value of billed property (=)' },
      { name: 'date.from', type: 'datetime', description: 'Filter the value of date property (>=)' },
      { name: 'date.to', type: 'datetime', description: 'Filter the value of date property (<=)' },
    ],
    handler: (req, ctx) => {
      const service = findPcaService(ctx.state.cloud, req.params);
      const billed = readBooleanFilter(req.query, 'billed');
      const from = readDateTimeFilter(req.query, 'date.from');
      const to = readDateTimeFilter(req.query, 'date.to');
      const nowMs = ctx.clock.nowMs();
      const ids: number[] = [];
      for (const item of Object.values(service.billing)) {
        const view = billingView(item, nowMs);
        const date = Math.floor(item.dateMs / 1000) * 1000;
        if (billed !== undefined && view.billed !== billed) continue;
        if ((from !== undefined && date < from) || (to !== undefined && date > to)) continue;
        ids.push(item.id);
      }
      return { body: ids };
    },
  },
  {
    method: 'GET',
    pattern: BILLING_PATH,
    description: 'cloud archives billing',
    handler: (req, ctx) => {
      const item = findBilling(findPcaService(ctx.state.cloud, req.params), req.params.billingId);
      return { body: billingView(item, ctx.clock.nowMs()) };
    },
  },
];
