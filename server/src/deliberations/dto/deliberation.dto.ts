import type { DeliberationCommentOrder } from '@linli/shared';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import { IdField, RequiredText, TextIfGiven } from '../../common/text-fields';
import { PageQueryDto } from './topic.dto';

export class DeliberationOpenDto {
  @IsISO8601({ strict: true })
  discussionEndsAt: string;

  @TextIfGiven(100, { min: 2 })
  title?: string;
}

export class MinutesInputDto {
  @RequiredText(100, { min: 2 })
  title: string;

  @RequiredText(10000, { multiline: true })
  summary: string;

  @IsISO8601({ strict: true })
  heldAt: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  photoIds?: string[];
}

export class CommentInputDto {
  @RequiredText(2000, { multiline: true })
  body: string;

  @IsOptional()
  @IdField()
  parentId?: number;
}

const ORDERS: DeliberationCommentOrder[] = ['newest', 'supported'];

export class CommentListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(ORDERS)
  order?: DeliberationCommentOrder;
}

export class ReasonDto {
  @RequiredText(255, { min: 2, multiline: true })
  reason: string;
}
