import {
  AcceptCaseRequest,
  CASE_PHOTOS_MAX,
  CASE_PHOTOS_MIN,
  CASE_RATING_COMMENT_MAX,
  CASE_REASON_MAX,
  CaseRejectKind,
  ID_MAX,
  DispatchCaseRequest,
  EscalateCaseRequest,
  RateCaseRequest,
  ReassignCaseRequest,
  RejectCaseRequest,
  ResolveCaseRequest,
  ReturnCaseRequest,
  StartCaseRequest,
} from '@linli/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IdField, OptionalText, RequiredText } from '../../common/text-fields';

/** Every action may name the version the caller saw. */
class CaseActionDto {
  @ApiPropertyOptional({ description: '看到的版本号；已变化则返回 409' })
  @IsOptional()
  @IdField()
  expectedVersion?: number;
}

export class AcceptCaseDto extends CaseActionDto implements AcceptCaseRequest {
  @ApiPropertyOptional()
  @OptionalText(CASE_REASON_MAX, { multiline: true })
  note?: string;
}

const REJECT_KINDS: CaseRejectKind[] = ['invalid', 'duplicate'];

export class RejectCaseDto extends CaseActionDto implements RejectCaseRequest {
  @ApiProperty({ enum: REJECT_KINDS })
  @IsIn(REJECT_KINDS)
  kind: CaseRejectKind;

  @ApiProperty({ description: '驳回理由（反映人可见）' })
  @RequiredText(CASE_REASON_MAX, { multiline: true, message: '请填写驳回理由' })
  reason: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IdField()
  duplicateOfCaseId?: number;
}

export class DispatchCaseDto extends CaseActionDto implements DispatchCaseRequest {
  @ApiPropertyOptional({ description: '牵头部门；不填则按问题类别的默认部门' })
  @IsOptional()
  @IdField()
  departmentId?: number;

  @ApiPropertyOptional({ type: [Number] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(ID_MAX, { each: true })
  coDepartmentIds?: number[];

  @ApiPropertyOptional({ description: '派单时确定问题类别' })
  @IsOptional()
  @IdField()
  categoryId?: number;

  @ApiPropertyOptional()
  @OptionalText(CASE_REASON_MAX, { multiline: true })
  note?: string;
}

export class ReassignCaseDto extends CaseActionDto implements ReassignCaseRequest {
  @ApiProperty({ description: '新的处理人（见 GET /api/cases/:id/handler-candidates）' })
  @IdField('请选择转派给谁')
  handlerUserId: number;

  @ApiPropertyOptional({ description: '转派说明' })
  @OptionalText(CASE_REASON_MAX, { multiline: true })
  note?: string;
}

export class ReturnCaseDto extends CaseActionDto implements ReturnCaseRequest {
  @ApiProperty({ description: '退回理由' })
  @RequiredText(CASE_REASON_MAX, { multiline: true, message: '请填写退回理由' })
  reason: string;
}

export class StartCaseDto extends CaseActionDto implements StartCaseRequest {
  @ApiPropertyOptional()
  @OptionalText(CASE_REASON_MAX, { multiline: true })
  note?: string;
}

export class ResolveCaseDto extends CaseActionDto implements ResolveCaseRequest {
  @ApiProperty({ description: '办理结果（反映人可见）' })
  @RequiredText(CASE_REASON_MAX, { multiline: true, message: '请填写办理结果' })
  note: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(CASE_PHOTOS_MIN, { message: '请上传处理后的照片' })
  @ArrayMaxSize(CASE_PHOTOS_MAX)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  photoIds: string[];
}

export class RateCaseDto extends CaseActionDto implements RateCaseRequest {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional()
  @OptionalText(CASE_RATING_COMMENT_MAX, { multiline: true })
  comment?: string;
}

export class EscalateCaseDto extends CaseActionDto implements EscalateCaseRequest {
  @ApiProperty({ description: '吹哨原因' })
  @RequiredText(CASE_REASON_MAX, { multiline: true, message: '请填写吹哨原因' })
  note: string;
}
