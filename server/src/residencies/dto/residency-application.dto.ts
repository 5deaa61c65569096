import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString, MaxLength } from 'class-validator';
import type { ResidencyApplication, ResidencyRelation } from '@linli/shared';

const RELATIONS: ResidencyRelation[] = ['owner', 'tenant', 'family'];

export class ResidencyApplicationDto implements ResidencyApplication {
  @ApiProperty({ description: '所在社区 id' })
  @IsInt()
  @IsPositive()
  communityId: number;

  @ApiProperty({ example: '3栋' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  building: string;

  @ApiProperty({ example: '2单元' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  unit: string;

  @ApiProperty({ example: '1203' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  room: string;

  @ApiProperty({ enum: RELATIONS, description: '业主 owner / 租户 tenant / 家庭成员 family' })
  @IsIn(RELATIONS)
  relation: ResidencyRelation;

  @ApiPropertyOptional({ description: '专有部分面积（平方米），仅业主填写', example: 89.37 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  exclusiveArea?: number;

  @ApiProperty({ description: '真实姓名' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  realName: string;
}
