import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ResidencyStatus } from '@linli/shared';

const STATUSES: ResidencyStatus[] = ['pending', 'verified', 'rejected'];

export class ResidencyListQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ResidencyStatus;
}
