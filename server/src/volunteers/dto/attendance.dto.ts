import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { VolunteerAttendanceCorrectionInput, VolunteerAttendanceInput, VolunteerQrPurpose } from '@linli/shared';
import { VolunteerPositionDto } from './volunteer-activity.dto';

export class VolunteerAttendanceDto implements VolunteerAttendanceInput {
  @ApiPropertyOptional({ description: '扫描到的现场签到码' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;

  @ApiPropertyOptional({ type: VolunteerPositionDto })
  @IsOptional()
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
  @IsString()
  @MaxLength(400)
  reason: string;
}

const PURPOSES: VolunteerQrPurpose[] = ['check_in', 'check_out'];

export class VolunteerQrQueryDto {
  @ApiProperty({ enum: PURPOSES })
  @IsIn(PURPOSES)
  purpose: VolunteerQrPurpose;
}
