import type { DeliberationScopeKind } from '@linli/shared';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const SCOPE_KINDS: DeliberationScopeKind[] = ['community', 'building', 'owners'];

export class DeliberationScopeDto {
  @IsIn(SCOPE_KINDS)
  kind: DeliberationScopeKind;

  /** Required for a building scope. */
  @ValidateIf((o: DeliberationScopeDto) => o.kind === 'building' || (o.building !== undefined && o.building !== null))
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @IsOptional()
  building?: string | null;
}
