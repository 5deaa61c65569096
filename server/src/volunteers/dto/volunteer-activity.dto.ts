import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import {
  LOCATION_ACCURACY_MAX_METERS,
  VOLUNTEER_CAPACITY_MAX,
  VOLUNTEER_DEFAULTS,
  VOLUNTEER_THEME_CODES,
  type VolunteerActivityCancelInput,
  type VolunteerActivityEditInput,
  type VolunteerActivityInput,
  type VolunteerCheckMethod,
  type VolunteerPositionInput,
} from '@linli/shared';
import { IdField, OptionalText, RuleText, TextIfGiven, RequiredText } from '../../common/text-fields';

const CHECK_METHODS: VolunteerCheckMethod[] = ['qr', 'location'];

export class VolunteerPositionDto implements VolunteerPositionInput {
  @ApiProperty({ description: '经度（GCJ-02）' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiProperty({ description: '纬度（GCJ-02）' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiPropertyOptional({ description: '定位精度（米）' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(LOCATION_ACCURACY_MAX_METERS)
  accuracyMeters?: number;
}

export class VolunteerActivityDto implements VolunteerActivityInput {
  @ApiProperty({ example: '周末楼道清洁' })
  @RequiredText(128)
  title: string;

  @ApiProperty({ enum: VOLUNTEER_THEME_CODES })
  @IsIn(VOLUNTEER_THEME_CODES as string[])
  themeCode: string;

  @ApiPropertyOptional()
  @OptionalText(2000, { multiline: true })
  description?: string | null;

  @ApiPropertyOptional({ description: '参与要求' })
  @OptionalText(1000, { multiline: true })
  requirements?: string | null;

  @ApiProperty({ example: '2026-06-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  startsAt: string;

  @ApiProperty({ example: '2026-06-01T11:00:00+08:00' })
  @IsISO8601({ strict: true })
  endsAt: string;

  @ApiProperty({ example: '社区党群服务中心' })
  @RequiredText(128)
  placeName: string;

  @ApiPropertyOptional({ type: VolunteerPositionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VolunteerPositionDto)
  place?: VolunteerPositionDto | null;

  @ApiPropertyOptional({ description: '签到范围（米）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(VOLUNTEER_DEFAULTS.maxRadiusMeters)
  radiusMeters?: number | null;

  @ApiPropertyOptional({ description: '招募人数，不填为不限' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(VOLUNTEER_CAPACITY_MAX)
  capacity?: number | null;

  @ApiPropertyOptional({ enum: CHECK_METHODS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(CHECK_METHODS, { each: true })
  checkMethods?: VolunteerCheckMethod[];

  @ApiPropertyOptional({ description: '扫码签到时也须在活动地点范围内' })
  @IsOptional()
  @IsBoolean()
  requireLocation?: boolean;

  @ApiPropertyOptional({ description: '仅报名成功者可签到' })
  @IsOptional()
  @IsBoolean()
  requireConfirmedSignup?: boolean;

  @ApiPropertyOptional({ description: '代已报到党组织发布' })
  @IsOptional()
  @IdField()
  partyOrganizationId?: number | null;
}

/** PATCH /api/volunteers/activities/:id — every field optional; null clears description, requirements, place and radius. */
export class VolunteerActivityEditDto implements VolunteerActivityEditInput {
  @ApiPropertyOptional()
  @TextIfGiven(128)
  title?: string;

  @ApiPropertyOptional({ enum: VOLUNTEER_THEME_CODES })
  @IsOptional()
  @IsIn(VOLUNTEER_THEME_CODES as string[])
  themeCode?: string;

  @ApiPropertyOptional()
  @OptionalText(2000, { multiline: true })
  description?: string | null;

  @ApiPropertyOptional({ description: '参与要求' })
  @OptionalText(1000, { multiline: true })
  requirements?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true })
  endsAt?: string;

  @ApiPropertyOptional()
  @TextIfGiven(128)
  placeName?: string;

  @ApiPropertyOptional({ type: VolunteerPositionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => VolunteerPositionDto)
  place?: VolunteerPositionDto | null;

  @ApiPropertyOptional({ description: '签到范围（米）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(VOLUNTEER_DEFAULTS.maxRadiusMeters)
  radiusMeters?: number | null;
}

/** POST /api/volunteers/activities/:id/cancel. The reason's length is a domain rule (validateVolunteerCancelReason). */
export class VolunteerActivityCancelDto implements VolunteerActivityCancelInput {
  @ApiProperty({ example: '暴雨预警，活动取消' })
  @RuleText(2000, { multiline: true })
  reason: string;
}
