import { Controller, Inject, Param } from '@nestjs/common';
import {
  routes,
  type SetRolesRequest,
  type UserListQuery,
  type UserPage,
  type UserSummary,
} from '@razgovor/contracts';
import { AdminUsersService, AppError, toUserSummary, type User } from '@razgovor/core';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller()
export class AdminUsersController {
  constructor(@Inject(AdminUsersService) private readonly admin: AdminUsersService) {}

  @Endpoint(routes.listUsers)
  list(@ValidQuery(routes.listUsers) query: UserListQuery): Promise<UserPage> {
    return this.admin.list(query.search, query.cursor, Number(query.limit ?? 25));
  }

  @Endpoint(routes.setRoles)
  async setRoles(
    @CurrentUser() admin: User,
    @Param('id') id: string,
    @ValidBody(routes.setRoles) body: SetRolesRequest,
  ): Promise<UserSummary> {
    if (!uuidPattern.test(id)) throw new AppError('NOT_FOUND', 'No such account');

    return toUserSummary(await this.admin.setRoles(admin, id, body.roles));
  }
}
