import { CASE_NEARBY_MAX_DAYS, CASE_NEARBY_MAX_RADIUS_M, CASE_PAGE_SIZE_MAX, CaseInboxScope, ID_MAX, PAGE_MAX } from '@linli/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class CasePageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: CASE_PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CASE_PAGE_SIZE_MAX)
  pageSize?: number;
}

const INBOX_SCOPES: CaseInboxScope[] = ['assigned', 'dispatch', 'department'];

export class CaseInboxQueryDto extends CasePageQueryDto {
  @ApiPropertyOptional({ enum: INBOX_SCOPES })
  @IsOptional()
  @IsIn(INBOX_SCOPES)
  scope?: CaseInboxScope;
}

export class NearbyCasesQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiProperty()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ID_MAX)
  categoryId?: number;

  @ApiPropertyOptional({ description: '米' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CASE_NEARBY_MAX_RADIUS_M)
  radius?: number;

  @ApiPropertyOptional({ description: '天' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CASE_NEARBY_MAX_DAYS)
  days?: number;
}
