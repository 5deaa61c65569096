import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { ResidencyReview } from '@linli/shared';
import { OptionalText } from '../../common/text-fields';

export class ResidencyReviewDto implements ResidencyReview {
  @ApiProperty({ description: 'true 通过，false 驳回' })
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ description: '审核意见（驳回时告诉居民原因）' })
  @OptionalText(255, { multiline: true })
  note?: string;
}
