import { errorCodes, type RouteDefinition, routes } from '@razgovor/contracts';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(type, { io, unrepresentable: 'any' });

  return schema;
}

function pathParameters(path: string) {
  return [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
}

function queryParameters(route: RouteDefinition) {
  if (!route.query) return [];
  const schema = schemaOf(route.query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };

  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: schema.required?.includes(name) ?? false,
    schema: property,
  }));
}

const csrfNote = ' Requires the x-csrf-token header.';

function operation(name: string, route: RouteDefinition) {
  const success = route.response
    ? {
        description: 'Success',
        content: { 'application/json': { schema: schemaOf(route.response, 'output') } },
      }
    : { description: 'Success' };
  const access =
    typeof route.access === 'string' ? route.access : `roles: ${route.access.join(', ')}`;

  return {
    operationId: name,
    tags: [route.tag],
    summary: route.summary,
    description: `Access: ${access}.${route.method === 'GET' ? '' : csrfNote}`,
    parameters: [...pathParameters(route.path), ...queryParameters(route)],
    ...(route.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      },
    }),
    responses: {
      [route.status]: success,
      default: {
        description: 'Failure',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document, generated from the route table in contracts. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes)) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(name, route) };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Razgovor API',
      version: '0.1.0',
      description:
        'Cookie sessions. Every POST, PUT, PATCH and DELETE must carry the x-csrf-token header ' +
        'from GET /api/auth/csrf; see docs/api.md.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: [...errorCodes] },
            message: { type: 'string' },
            details: {},
          },
        },
      },
    },
  };
}
