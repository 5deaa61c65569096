import { ApiProperty } from '@nestjs/swagger';
import { IdField } from '../../common/text-fields';
import type { DevLoginRequest } from '@linli/shared';

export class DevLoginDto implements DevLoginRequest {
  @ApiProperty({ description: '要以其身份登录的演示用户 id' })
  @IdField()
  userId: number;
}
