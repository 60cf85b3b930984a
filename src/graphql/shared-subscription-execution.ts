import {
  createSourceEventStream,
  execute,
  print,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';

type Result = ExecutionResult | Promise<ExecutionResult>;

/** payload -> (query + variables) -> its execution: filled by the first subscriber, read by every other. */
const resultsByPayload = new WeakMap<object, Map<string, Result>>();

/**
 * graphql-ws `subscribe` that executes each published event once per distinct subscription (document, operation,
 * variables) instead of once per subscriber: 1,000 dashboards on the same query cost one execution per event.
 * PubSub hands every subscriber the same payload object (in-process, and per Redis message), which keys the cache;
 * it is garbage-collected with the payload. Holds while subscription resolvers do not read the connection context.
 */
export async function subscribeSharingExecution(
  args: ExecutionArgs,
): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const key = `${args.operationName ?? ''}\u0000${print(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  return mapEvents(source, (payload) => executeOnce(args, key, payload));
}

function executeOnce(args: ExecutionArgs, key: string, payload: unknown): Result {
  const run = () => execute({ ...args, rootValue: payload });
  if (typeof payload !== 'object' || payload === null) return run();
  let results = resultsByPayload.get(payload);
  if (!results) resultsByPayload.set(payload, (results = new Map()));
  let result = results.get(key);
  if (result === undefined) results.set(key, (result = run()));
  return result;
}

async function* mapEvents(
  source: AsyncIterable<unknown>,
  map: (payload: unknown) => Result,
): AsyncGenerator<ExecutionResult> {
  // Returning from this generator (the client unsubscribed) closes the source through for-await.
  for await (const payload of source) yield await map(payload);
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
