import type { DeliberationCommentOrder } from '@linli/shared';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from './topic.dto';

export class DeliberationOpenDto {
  @IsISO8601({ strict: true })
  discussionEndsAt: string;

  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title?: string;
}

export class MinutesInputDto {
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  summary: string;

  @IsISO8601({ strict: true })
  heldAt: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  photoIds?: string[];
}

export class CommentInputDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number;
}

const ORDERS: DeliberationCommentOrder[] = ['newest', 'supported'];

export class CommentListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ORDERS)
  order?: DeliberationCommentOrder;
}

export class ReasonDto {
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  reason: string;
}
