import { CASE_FIGURES_GROUP_BYS, CaseFiguresGroupBy, ID_MAX } from '@linli/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** GET /api/cases/figures */
export class CaseFiguresQueryDto {
  @ApiProperty({ enum: CASE_FIGURES_GROUP_BYS })
  @IsIn(CASE_FIGURES_GROUP_BYS)
  groupBy: CaseFiguresGroupBy;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  communityId?: number;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD（北京时间），含当日' })
  @IsOptional()
  @Matches(DAY, { message: 'from 应为 YYYY-MM-DD 格式的日期' })
  from?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD（北京时间），含当日' })
  @IsOptional()
  @Matches(DAY, { message: 'to 应为 YYYY-MM-DD 格式的日期' })
  to?: string;
}
