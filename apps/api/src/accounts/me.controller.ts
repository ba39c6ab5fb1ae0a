import { Controller, Inject, Res } from '@nestjs/common';
import {
  type DeleteAccountRequest,
  type Me,
  routes,
  type UpdateProfileRequest,
} from '@razgovor/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  EventNotices,
  ProfileService,
  toMe,
  type User,
} from '@razgovor/core';
import type { Response } from 'express';
import { clearSessionCookie } from '../http/cookies';
import { CurrentUser, Endpoint, ValidBody } from '../http/endpoint';

@Controller()
export class MeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ProfileService) private readonly profiles: ProfileService,
    @Inject(EventNotices) private readonly notices: EventNotices,
  ) {}

  @Endpoint(routes.getMe)
  get(@CurrentUser() user: User): Me {
    return toMe(user);
  }

  @Endpoint(routes.updateMe)
  async update(
    @CurrentUser() user: User,
    @ValidBody(routes.updateMe) body: UpdateProfileRequest,
  ): Promise<Me> {
    const updated = await this.profiles.update(user, body);
    // Names show on every comment page; no conversation event says that one changed.
    if (body.displayName !== undefined) this.notices.flushPages();

    return toMe(updated);
  }

  @Endpoint(routes.exportMe)
  async export(@CurrentUser() user: User, @Res({ passthrough: true }) response: Response) {
    const data = await this.profiles.export(user);
    response.setHeader('Content-Disposition', 'attachment; filename="razgovor-my-data.json"');

    return data;
  }

  @Endpoint(routes.deleteMe)
  async delete(
    @CurrentUser() user: User,
    @ValidBody(routes.deleteMe) body: DeleteAccountRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.profiles.delete(user, body.password);
    this.notices.flushPages();
    clearSessionCookie(response, this.config);
  }
}
