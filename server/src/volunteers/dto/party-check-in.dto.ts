import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IdField, OptionalText, RequiredText } from '../../common/text-fields';
import type { PartyMemberCheckInInput, PartyOrganizationInput, VolunteerCheckInReviewInput, VolunteerCheckInReviewStatus } from '@linli/shared';

export class PartyMemberCheckInDto implements PartyMemberCheckInInput {
  @ApiProperty({ description: '报到社区（居住地社区）id' })
  @IdField()
  communityId: number;

  @ApiProperty({ description: '所在党组织名称', example: '越秀区某局机关第一党支部' })
  @RequiredText(128)
  partyOrganizationName: string;

  @ApiPropertyOptional({ description: '所在党组织已在本社区报到时的 id' })
  @IsOptional()
  @IdField()
  partyOrganizationId?: number | null;
}

export class PartyOrganizationDto implements PartyOrganizationInput {
  @ApiProperty({ example: '越秀区某局机关党委' })
  @RequiredText(128)
  name: string;

  @ApiProperty()
  @RequiredText(64)
  contactName: string;

  @ApiProperty()
  @IsString()
  @Matches(/^[0-9+\-\s]{5,32}$/, { message: '联系电话格式不正确' })
  contactPhone: string;

  @ApiProperty({ description: '资源清单', type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  resources: string[];

  @ApiProperty({ description: '需求清单', type: [String] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  needs: string[];
}

export class VolunteerCheckInReviewDto implements VolunteerCheckInReviewInput {
  @ApiProperty({ description: 'true 确认报到，false 退回' })
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional()
  @OptionalText(255, { multiline: true })
  note?: string | null;
}

const REVIEW_STATUSES: VolunteerCheckInReviewStatus[] = ['pending', 'confirmed', 'rejected'];

export class VolunteerCheckInListQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES })
  @IsOptional()
  @IsIn(REVIEW_STATUSES)
  status?: VolunteerCheckInReviewStatus;
}
