import { ApiProperty } from '@nestjs/swagger';
import { POLL_RESULT_SUBJECT_PATTERN, WECHAT_TEMPLATE_KEYS, type WechatSubscriptionInput, type WechatTemplateKey } from '@linli/shared';
import { IsIn, IsString, Matches } from 'class-validator';

export class WechatSubscriptionDto implements WechatSubscriptionInput {
  @ApiProperty({ enum: WECHAT_TEMPLATE_KEYS })
  @IsIn(WECHAT_TEMPLATE_KEYS)
  templateKey: WechatTemplateKey;

  // The one template there is is about a poll; a second template brings its own subject shapes.
  @ApiProperty({ example: 'poll:12' })
  @IsString()
  @Matches(POLL_RESULT_SUBJECT_PATTERN, { message: 'subject 应为 poll:<投票编号>' })
  subject: string;
}
