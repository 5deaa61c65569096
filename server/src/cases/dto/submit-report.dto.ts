import { CASE_ADDRESS_MAX, CASE_CLIENT_KEY_PATTERN, CASE_DESCRIPTION_MAX, CASE_PHOTOS_MAX, CASE_PHOTOS_MIN, SubmitReportRequest } from '@linli/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IdField, OptionalText, RequiredText } from '../../common/text-fields';

export class SubmitReportDto implements SubmitReportRequest {
  @ApiProperty({ description: '客户端为每次填写生成的幂等键（8–64 位字母、数字、-、_）' })
  @IsString()
  @Matches(CASE_CLIENT_KEY_PATTERN)
  clientKey: string;

  @ApiProperty({ type: [String], minItems: CASE_PHOTOS_MIN, maxItems: CASE_PHOTOS_MAX })
  @IsArray()
  @ArrayMinSize(CASE_PHOTOS_MIN, { message: '请至少上传一张照片' })
  @ArrayMaxSize(CASE_PHOTOS_MAX, { message: `最多上传 ${CASE_PHOTOS_MAX} 张照片` })
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  photoIds: string[];

  @ApiProperty({ description: 'GCJ-02 经度' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;

  @ApiProperty({ description: 'GCJ-02 纬度' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiPropertyOptional({ maxLength: CASE_ADDRESS_MAX })
  @OptionalText(CASE_ADDRESS_MAX)
  address?: string;

  @ApiProperty({ minLength: 1, maxLength: CASE_DESCRIPTION_MAX })
  @RequiredText(CASE_DESCRIPTION_MAX, { multiline: true, message: '请描述遇到的问题' })
  description: string;

  @ApiPropertyOptional({ description: '不填则由系统根据描述自动分类' })
  @IsOptional()
  @IdField()
  categoryId?: number;
}
