import {
  createParamDecorator,
  type ExecutionContext,
  Param,
  type PipeTransform,
} from '@nestjs/common';
import { AppError, type User } from '@razgovor/core';
import type { ApiRequest } from '../http/api-request';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform {
  constructor(private readonly thing: string) {}

  transform(value: unknown): string {
    // A malformed id names nothing; saying so beats a database error about uuid syntax.
    if (typeof value !== 'string' || !uuidPattern.test(value)) {
      throw new AppError('NOT_FOUND', `No such ${this.thing}`);
    }

    return value;
  }
}

/** A path id that must be a uuid; anything else is answered like an unknown id. */
export function IdParam(thing: string, name = 'id'): ParameterDecorator {
  return Param(name, new UuidPipe(thing));
}

/** The signed-in person on a public route, or null: public reads still show your own stance. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User | null =>
    context.switchToHttp().getRequest<ApiRequest>().user ?? null,
);
