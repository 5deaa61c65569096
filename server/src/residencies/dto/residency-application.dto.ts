import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import { EXCLUSIVE_AREA_DECIMALS, EXCLUSIVE_AREA_MAX, type ResidencyApplication, type ResidencyRelation } from '@linli/shared';
import { IdField, RequiredText } from '../../common/text-fields';

const RELATIONS: ResidencyRelation[] = ['owner', 'tenant', 'family'];

export class ResidencyApplicationDto implements ResidencyApplication {
  @ApiProperty({ description: '所在社区 id' })
  @IdField()
  communityId: number;

  @ApiProperty({ example: '3栋' })
  @RequiredText(32)
  building: string;

  @ApiProperty({ example: '2单元' })
  @RequiredText(32)
  unit: string;

  @ApiProperty({ example: '1203' })
  @RequiredText(32)
  room: string;

  @ApiProperty({ enum: RELATIONS, description: '业主 owner / 租户 tenant / 家庭成员 family' })
  @IsIn(RELATIONS)
  relation: ResidencyRelation;

  @ApiPropertyOptional({ description: '专有部分面积（平方米），仅业主填写', example: 89.37, minimum: 0, exclusiveMinimum: true, maximum: EXCLUSIVE_AREA_MAX })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: EXCLUSIVE_AREA_DECIMALS, allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(EXCLUSIVE_AREA_MAX)
  exclusiveArea?: number;

  @ApiProperty({ description: '真实姓名' })
  @RequiredText(64)
  realName: string;
}
