import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VOLUNTEER_CAPACITY_MAX } from '@linli/shared';
import { IdField, OptionalText, RuleText } from '../../common/text-fields';
import type { VolunteerAttendanceCorrectionInput, VolunteerAttendanceInput, VolunteerAttendanceRecordInput, VolunteerCapacityInput, VolunteerQrPurpose } from '@linli/shared';
import { VolunteerPositionDto } from './volunteer-activity.dto';

export class VolunteerAttendanceDto implements VolunteerAttendanceInput {
  @ApiPropertyOptional({ description: '扫描到的现场签到码' })
  @OptionalText(200)
  token?: string;

  @ApiPropertyOptional({ type: VolunteerPositionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VolunteerPositionDto)
  position?: VolunteerPositionDto;
}

export class VolunteerAttendanceCorrectionDto implements VolunteerAttendanceCorrectionInput {
  @ApiProperty()
  @IsISO8601({ strict: true })
  checkInAt: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  checkOutAt?: string | null;

  @ApiProperty({ description: '修改原因（记录在案）' })
  @RuleText(400, { multiline: true })
  reason: string;
}

export class VolunteerAttendanceRecordDto extends VolunteerAttendanceCorrectionDto implements VolunteerAttendanceRecordInput {
  @ApiProperty({ description: '志愿者用户 id' })
  @IdField()
  userId: number;
}

export class VolunteerCapacityDto implements VolunteerCapacityInput {
  @ApiProperty({ nullable: true, description: '招募人数，null 为不限' })
  // 0 and below pass here to be refused by the domain rule (invalid_capacity), as on publishing.
  @ValidateIf((o: VolunteerCapacityDto) => o.capacity !== null)
  @IsInt()
  @Min(0)
  @Max(VOLUNTEER_CAPACITY_MAX)
  capacity: number | null;
}

const PURPOSES: VolunteerQrPurpose[] = ['check_in', 'check_out'];

export class VolunteerQrQueryDto {
  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose: VolunteerQrPurpose;
}
