import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import type { VolunteerServiceRecordReviewInput } from '@linli/shared';
import { OptionalText } from '../../common/text-fields';

export class VolunteerServiceRecordReviewDto implements VolunteerServiceRecordReviewInput {
  @ApiProperty({ enum: ['certify', 'reject'] })
  @IsIn(['certify', 'reject'])
  decision: 'certify' | 'reject';

  @ApiPropertyOptional({ description: '不予认定的原因' })
  @OptionalText(255, { multiline: true })
  reason?: string | null;
}

export class VolunteerServiceRecordQueryDto {
  @ApiPropertyOptional({ description: '起始时间（含）' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '截止时间（不含）' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class VolunteerFiguresQueryDto {
  @ApiPropertyOptional({ description: '年份，默认今年', example: '2026' })
  @IsOptional()
  @Matches(/^20\d{2}$/, { message: '年份格式不正确' })
  year?: string;
}
