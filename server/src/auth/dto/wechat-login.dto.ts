import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { WechatLoginRequest } from '@linli/shared';

export class WechatLoginDto implements WechatLoginRequest {
  @ApiProperty({ description: 'wx.login() 返回的临时登录凭证 code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code: string;
}
