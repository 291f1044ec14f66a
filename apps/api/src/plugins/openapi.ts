import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const AUTH_HEADER = { type: 'apiKey', in: 'header', name: 'Authorization' } as const;

/**
 * OpenAPI 3 built from the routes' own zod schemas (`/docs/json`), and Swagger UI at `/docs`.
 * Must be registered before the routes so that it sees them.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CallBridge — ContractorPersonalArea API',
        version: 'v1',
        description:
          'The portal API of shared/specs/portal-api.md. Every scheme reads `Authorization: Bearer <token>` ' +
          '(a bare token is accepted too). Error bodies are ErrorDTO `{ errorCode, message }`; errorCode is 0 ' +
          'where the spec documents no number. Paths match case-insensitively (`/calltask` = `/callTask`).',
      },
      tags: [
        { name: 'Call' },
        { name: 'CallCost' },
        { name: 'CallTask' },
        { name: 'Notification' },
        { name: 'Shared', description: 'Field-employee routes, authorised by the temporary-link `token` query.' },
        { name: 'SystemSettings' },
        { name: 'User' },
        { name: 'Admin', description: 'Connections of the sync engine, behind ADMIN_API_KEY.' },
      ],
      components: {
        securitySchemes: {
          ExternalSystemAuth: { ...AUTH_HEADER, description: 'Key of a dispatch system (EXTERNAL_SYSTEM_KEYS).' },
          UserAuth: { ...AUTH_HEADER, description: 'Access token from POST /user/signin or POST /user/token.' },
          ServiceUserAuth: { ...AUTH_HEADER, description: 'Service token from POST /user/signin.' },
          AdminKey: { ...AUTH_HEADER, description: 'ADMIN_API_KEY, for /admin/*.' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
