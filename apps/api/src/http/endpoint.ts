import {
  applyDecorators,
  Body,
  createParamDecorator,
  Delete,
  type ExecutionContext,
  Get,
  HttpCode,
  Patch,
  type PipeTransform,
  Post,
  Put,
  Query,
  SetMetadata,
} from '@nestjs/common';
import type { RouteDefinition, ValidationIssue } from '@razgovor/contracts';
import { AppError } from '@razgovor/core';
import type { z } from 'zod';
import type { ApiRequest } from './api-request';

export const ROUTE_METADATA = 'razgovor:route';

const methods = { GET: Get, POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

/** Binds a handler to a row of the route table in contracts: method, path, status and access. */
export function Endpoint(route: RouteDefinition): MethodDecorator {
  return applyDecorators(
    methods[route.method](route.path),
    HttpCode(route.status),
    SetMetadata(ROUTE_METADATA, route),
  );
}

class ZodPipe implements PipeTransform {
  constructor(
    private readonly schema: z.ZodType,
    private readonly where: 'body' | 'query',
  ) {}

  transform(value: unknown): unknown {
    // A write without a body is validated as an empty object, so required fields are named.
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;

    const details: ValidationIssue[] = result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            path: [...issue.path, key].map(String).join('.'),
            message: 'Unknown field',
          }))
        : [{ path: issue.path.map(String).join('.'), message: issue.message }],
    );
    throw new AppError('VALIDATION_FAILED', `The request ${this.where} is invalid`, details);
  }
}

export function ValidBody(route: RouteDefinition): ParameterDecorator {
  if (!route.body) throw new Error(`Route ${route.method} ${route.path} declares no body`);

  return Body(new ZodPipe(route.body, 'body'));
}

export function ValidQuery(route: RouteDefinition): ParameterDecorator {
  if (!route.query) throw new Error(`Route ${route.method} ${route.path} declares no query`);

  return Query(new ZodPipe(route.query, 'query'));
}

/** The signed-in person; the access guard has already refused anonymous calls. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<ApiRequest>();
  if (!request.user) throw new AppError('NOT_SIGNED_IN', 'Sign in first');

  return request.user;
});

export const CurrentRequest = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  context.switchToHttp().getRequest<ApiRequest>(),
);
