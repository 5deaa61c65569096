import { OWNER_MATTER_KEYS, type OwnerMatter, type VotingBallotType } from '@linli/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const TYPES: VotingBallotType[] = ['single', 'multiple', 'approval3'];

export class PollOptionDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  id: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label: string;
}

export class PollInputDto {
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  title: string;

  @IsIn(TYPES)
  type: VotingBallotType;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PollOptionDto)
  options?: PollOptionDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  maxChoices?: number;

  @IsISO8601({ strict: true })
  opensAt: string;

  @IsISO8601({ strict: true })
  closesAt: string;

  @IsOptional()
  @IsBoolean()
  hideResultsUntilClose?: boolean;

  @IsOptional()
  @IsIn(OWNER_MATTER_KEYS)
  ownerMatter?: OwnerMatter;
}

export class BallotInputDto {
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  choice: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  unitId?: number;

  @IsOptional()
  @Matches(/^[0-9a-fA-F]{64}$/)
  replacesReceipt?: string;
}
