import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { DevUserOption, LoginResponse } from '@linli/shared';
import { AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';
import { AuthService } from './auth.service';
import { DevLoginDto } from './dto/dev-login.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';
import { Public } from './public.decorator';
import { RateLimit } from '../rate-limit/rate-limit.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('wechat')
  @HttpCode(200)
  @Public()
  // Each code costs a call to WeChat's server, so bad codes are limited before that call.
  @RateLimit('signIn', 'wechat')
  @ApiOkResponse({ description: '以微信 code 登录，返回访问令牌与用户资料' })
  wechat(@Body() body: WechatLoginDto): Promise<LoginResponse> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('dev')
  @HttpCode(200)
  @Public()
  @RateLimit('signIn')
  @ApiOkResponse({ description: '开发登录（仅在开启 DEV_LOGIN 或 DEMO 时可用）' })
  dev(@Body() body: DevLoginDto): Promise<LoginResponse> {
    this.requireDevLogin();
    return this.auth.devLogin(body.userId);
  }

  @Get('dev-users')
  @Public()
  @ApiOkResponse({ description: '开发登录可选的演示用户' })
  devUsers(): Promise<DevUserOption[]> {
    this.requireDevLogin();
    return this.auth.devUsers();
  }

  /** When switched off the dev routes look exactly like routes that do not exist. */
  private requireDevLogin(): void {
    if (!this.config.devLogin) throw new ApiException(404, 'not_found', '您要找的内容不存在');
  }
}
