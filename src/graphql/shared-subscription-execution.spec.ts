import { EventEmitter } from 'node:events';
import {
  GraphQLInt,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  parse,
  type ExecutionResult,
} from 'graphql';
import { PubSub } from 'graphql-subscriptions';
import { subscribeSharingExecution } from './shared-subscription-execution';

function schemaCounting(calls: { count: number }, pubsub: PubSub) {
  const Opportunity = new GraphQLObjectType({
    name: 'Opportunity',
    fields: {
      id: { type: GraphQLString },
      netProfit: {
        type: GraphQLString,
        resolve: (o: { netProfit: string }) => {
          calls.count++;
          return o.netProfit;
        },
      },
      count: { type: GraphQLInt },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        opportunityUpdated: {
          type: Opportunity,
          subscribe: () => pubsub.asyncIterableIterator('opportunityUpdated'),
        },
      },
    }),
  });
}

async function subscriber(schema: GraphQLSchema, query: string) {
  const stream = (await subscribeSharingExecution({
    schema,
    document: parse(query),
  })) as AsyncGenerator<ExecutionResult>;
  return { next: () => stream.next(), close: () => stream.return(undefined) };
}

describe('subscribeSharingExecution', () => {
  it('executes an event once for 50 dashboards on the same query, and once more for a different query', async () => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    const pubsub = new PubSub({ eventEmitter: emitter });
    const calls = { count: 0 };
    const schema = schemaCounting(calls, pubsub);
    const same = await Promise.all(
      Array.from({ length: 50 }, () =>
        subscriber(schema, 'subscription { opportunityUpdated { id netProfit } }'),
      ),
    );
    const other = await subscriber(
      schema,
      'subscription { opportunityUpdated { netProfit count } }',
    );
    const pending = [...same, other].map((s) => s.next());
    await new Promise((resolve) => setImmediate(resolve));
    await pubsub.publish('opportunityUpdated', {
      opportunityUpdated: { id: 'op-1', netProfit: '2.2100', count: 100 },
    });
    const results = await Promise.all(pending);
    expect(results[0].value).toEqual({
      data: { opportunityUpdated: { id: 'op-1', netProfit: '2.2100' } },
    });
    expect(results[49].value).toEqual(results[0].value);
    expect(results[50].value).toEqual({
      data: { opportunityUpdated: { netProfit: '2.2100', count: 100 } },
    });
    expect(calls.count).toBe(2);
    await Promise.all([...same, other].map((s) => s.close()));
  });

  it('returns the errors of a subscription that cannot start', async () => {
    const pubsub = new PubSub();
    const schema = schemaCounting({ count: 0 }, pubsub);
    const result = await subscribeSharingExecution({
      schema,
      document: parse('subscription { nothing }'),
    });
    expect(result).toMatchObject({
      errors: [expect.objectContaining({ message: expect.stringMatching(/nothing/) })],
    });
  });
});
