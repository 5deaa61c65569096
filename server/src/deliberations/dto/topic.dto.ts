import type { DeliberationReviewDecision, DeliberationTopicStatus } from '@linli/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Transform } from 'class-transformer';
import { DeliberationScopeDto } from './scope.dto';

export class TopicInputDto {
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  body: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  photoIds?: string[];

  @ValidateNested()
  @Type(() => DeliberationScopeDto)
  scope: DeliberationScopeDto;
}

const STATUSES: DeliberationTopicStatus[] = ['pending', 'approved', 'rejected', 'merged', 'deliberating'];

export class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class TopicListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(STATUSES)
  status?: DeliberationTopicStatus;

  @IsOptional()
  @Transform(({ value }) => value === true || value === '1' || value === 'true')
  @IsBoolean()
  mine?: boolean;
}

const DECISIONS: DeliberationReviewDecision[] = ['approve', 'reject', 'merge'];

export class TopicReviewDto {
  @IsIn(DECISIONS)
  decision: DeliberationReviewDecision;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  reason?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  mergeIntoTopicId?: number;
}
