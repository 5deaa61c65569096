import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { WechatTemplatesResponse } from '@linli/shared';
import { Public } from '../auth/public.decorator';
import { AppConfig } from '../config/app-config';
import { subscribeTemplates } from './subscribe-templates';

/** The subscription-message template ids the mini-program asks consent for; they are in its bundle anyway. */
@ApiTags('wechat')
@Controller('wechat/templates')
export class WechatTemplatesController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '各订阅消息模板的 id；未开通的为 null' })
  templates(): WechatTemplatesResponse {
    return subscribeTemplates(this.config);
  }
}
