import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { SubscriptionConfig } from '@nestjs/graphql';
import { ApolloDriver } from '@nestjs/apollo';
import { resolve } from 'node:path';
import depthLimit from 'graphql-depth-limit';
import type { GraphQLSchema } from 'graphql';
import { queryComplexityPlugin } from './query-limits.plugin';
import { subscribeSharingExecution } from './shared-subscription-execution';
import type { AppConfig } from '../config/app-config';

/** Code-first schema, graphql-ws subscriptions only, the sandbox in development mode. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const sandbox = config.graphqlSandbox ?? config.mode === 'development';
  // The complexity plugin needs the built schema, which Nest hands over only once it is generated.
  const schemaHolder: { schema?: GraphQLSchema } = {};
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: config.graphqlSchemaFile ? resolve(config.graphqlSchemaFile) : true,
    sortSchema: true,
    // Nest passes `subscribe` on to graphql-ws (GqlSubscriptionServiceOptions); its config type leaves it out.
    subscriptions: {
      'graphql-ws': true,
      subscribe: subscribeSharingExecution,
    } as SubscriptionConfig,
    playground: false,
    introspection: true,
    validationRules: [depthLimit(config.graphqlMaxDepth)],
    plugins: [
      sandbox
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      queryComplexityPlugin(() => schemaHolder.schema!, config.graphqlMaxComplexity),
    ],
    transformSchema: (schema) => (schemaHolder.schema = schema),
  };
}
