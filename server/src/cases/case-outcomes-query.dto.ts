import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ID_MAX } from '@linli/shared';
import { IsInt, Max, Min } from 'class-validator';
import { CasePageQueryDto } from './dto/case-queries.dto';

/** GET /api/cases/outcomes: a community's public results page. */
export class CaseOutcomesQueryDto extends CasePageQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  communityId: number;
}
