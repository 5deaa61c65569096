import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { CasePageQueryDto } from './dto/case-queries.dto';

/** GET /api/cases/outcomes: a community's public results page. */
export class CaseOutcomesQueryDto extends CasePageQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  communityId: number;
}
