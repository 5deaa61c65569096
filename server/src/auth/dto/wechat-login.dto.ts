import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '../../common/text-fields';
import type { WechatLoginRequest } from '@linli/shared';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login() 返回的临时登录凭证 code' })
  @RequiredText(128)
  code: string;
}
