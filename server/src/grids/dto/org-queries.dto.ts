import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class CommunitiesQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  streetId?: number;
}

export class GridsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  communityId?: number;
}
