import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ResidencyReview } from '@linli/shared';

export class ResidencyReviewDto implements ResidencyReview {
  @ApiProperty({ description: 'true 通过，false 驳回' })
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ description: '审核意见（驳回时告诉居民原因）' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  note?: string;
}
