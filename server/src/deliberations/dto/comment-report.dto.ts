import {
  DELIBERATION_REPORT_NOTE_MAX,
  type DeliberationCommentReportListQuery,
  type DeliberationReportDismissInput,
  type DeliberationReportQueueStatus,
} from '@linli/shared';
import { IsIn, IsOptional } from 'class-validator';
import { RequiredText } from '../../common/text-fields';
import { PageQueryDto } from './topic.dto';

const QUEUE_STATUSES: DeliberationReportQueueStatus[] = ['open', 'handled'];

export class CommentReportListQueryDto extends PageQueryDto implements DeliberationCommentReportListQuery {
  @IsOptional()
  @IsIn(QUEUE_STATUSES)
  status?: DeliberationReportQueueStatus;
}

export class ReportDismissDto implements DeliberationReportDismissInput {
  @RequiredText(DELIBERATION_REPORT_NOTE_MAX, { multiline: true, message: '驳回举报时请填写说明' })
  note: string;
}
