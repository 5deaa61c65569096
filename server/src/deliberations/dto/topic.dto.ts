import { PAGE_MAX, type DeliberationReviewDecision, type DeliberationTopicStatus } from '@linli/shared';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IdField, OptionalText, RequiredText } from '../../common/text-fields';
import { DeliberationScopeDto } from './scope.dto';

export class TopicInputDto {
  @RequiredText(100, { min: 2 })
  title: string;

  @RequiredText(5000, { multiline: true })
  body: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  photoIds?: string[];

  @IsDefined({ message: '请选择议题范围' })
  @IsObject()
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
  @Max(PAGE_MAX)
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

  @OptionalText(255, { multiline: true })
  reason?: string;

  @IsOptional()
  @IdField()
  mergeIntoTopicId?: number;
}
