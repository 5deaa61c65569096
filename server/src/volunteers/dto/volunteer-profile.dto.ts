import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import type { VolunteerProfileInput } from '@linli/shared';
import { OptionalText, RequiredText } from '../../common/text-fields';

export class VolunteerProfileDto implements VolunteerProfileInput {
  @ApiProperty({ description: '真实姓名' })
  @RequiredText(64)
  realName: string;

  @ApiPropertyOptional({ description: '居民身份证号（仅脱敏展示）' })
  @IsOptional()
  @IsString()
  @Matches(/^(\d{15}|\d{17}[\dXx])$/, { message: '身份证号格式不正确' })
  idNumber?: string | null;

  @ApiPropertyOptional({ description: '工作单位或所属党组织' })
  @OptionalText(128)
  organizationName?: string | null;
}
