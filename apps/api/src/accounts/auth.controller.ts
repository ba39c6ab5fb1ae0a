import { Controller, Inject, Res } from '@nestjs/common';
import {
  type ConfirmEmailRequest,
  type CsrfResponse,
  type Me,
  type PasswordResetConfirmRequest,
  type PasswordResetRequest,
  routes,
  type SignInRequest,
  type SignUpRequest,
} from '@razgovor/contracts';
import {
  APP_CONFIG,
  type AppConfig,
  AuthService,
  type ClientInfo,
  toMe,
  type User,
} from '@razgovor/core';
import type { Response } from 'express';
import { type ApiRequest, csrfCookie } from '../http/api-request';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from '../http/cookies';
import { CurrentRequest, CurrentUser, Endpoint, ValidBody } from '../http/endpoint';
import { issueCsrfToken } from '../http/middleware';

function clientOf(request: ApiRequest): ClientInfo {
  return { address: request.ip ?? 'unknown', userAgent: request.header('user-agent') ?? null };
}

@Controller()
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  @Endpoint(routes.csrf)
  csrf(
    @CurrentRequest() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): CsrfResponse {
    const csrfToken = issueCsrfToken(this.config.sessionSecret, request.cookies[csrfCookie]);
    setCsrfCookie(response, this.config, csrfToken);

    return { csrfToken };
  }

  @Endpoint(routes.signUp)
  async signUp(
    @ValidBody(routes.signUp) body: SignUpRequest,
    @CurrentRequest() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { user, sessionToken } = await this.auth.signUp(body, clientOf(request));
    setSessionCookie(response, this.config, sessionToken);

    return toMe(user);
  }

  @Endpoint(routes.signIn)
  async signIn(
    @ValidBody(routes.signIn) body: SignInRequest,
    @CurrentRequest() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { user, sessionToken } = await this.auth.signIn(body, clientOf(request));
    if (request.sessionToken) await this.auth.signOut(request.sessionToken);
    setSessionCookie(response, this.config, sessionToken);

    return toMe(user);
  }

  @Endpoint(routes.signOut)
  async signOut(
    @CurrentRequest() request: ApiRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    if (request.sessionToken) await this.auth.signOut(request.sessionToken);
    clearSessionCookie(response, this.config);
  }

  @Endpoint(routes.signOutEverywhere)
  async signOutEverywhere(
    @CurrentUser() user: User,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOutEverywhere(user);
    clearSessionCookie(response, this.config);
  }

  @Endpoint(routes.confirmEmail)
  async confirmEmail(@ValidBody(routes.confirmEmail) body: ConfirmEmailRequest): Promise<Me> {
    return toMe(await this.auth.confirmEmail(body.token));
  }

  @Endpoint(routes.resendConfirmation)
  async resendConfirmation(@CurrentUser() user: User): Promise<void> {
    await this.auth.resendConfirmation(user);
  }

  @Endpoint(routes.requestPasswordReset)
  async requestPasswordReset(
    @ValidBody(routes.requestPasswordReset) body: PasswordResetRequest,
    @CurrentRequest() request: ApiRequest,
  ): Promise<void> {
    await this.auth.requestPasswordReset(body.email, clientOf(request));
  }

  @Endpoint(routes.confirmPasswordReset)
  async confirmPasswordReset(
    @ValidBody(routes.confirmPasswordReset) body: PasswordResetConfirmRequest,
  ): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password);
  }
}
