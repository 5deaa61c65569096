import { OWNER_MATTER_KEYS, POLL_OPTIONS_MAX, type OwnerMatter, type VotingBallotType } from '@linli/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IdField, RequiredText } from '../../common/text-fields';

const TYPES: VotingBallotType[] = ['single', 'multiple', 'approval3'];

export class PollOptionDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  id: string;

  @RequiredText(100)
  label: string;
}

export class PollInputDto {
  @RequiredText(100, { min: 2 })
  title: string;

  @IsIn(TYPES)
  type: VotingBallotType;

  // Each option an object: ValidateNested alone would also walk into nested arrays.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POLL_OPTIONS_MAX)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PollOptionDto)
  options?: PollOptionDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(POLL_OPTIONS_MAX)
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
  @ArrayMaxSize(POLL_OPTIONS_MAX)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  choice: string[];

  @IsOptional()
  @IdField()
  unitId?: number;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/)
  replacesReceipt?: string;
}
