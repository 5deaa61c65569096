import { Type } from 'class-transformer';
import { ID_MAX } from '@linli/shared';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class CommunitiesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  streetId?: number;
}

export class GridsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  communityId?: number;
}
