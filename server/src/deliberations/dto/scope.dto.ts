import type { DeliberationScopeKind } from '@linli/shared';
import { IsIn, ValidateIf } from 'class-validator';
import { RequiredText } from '../../common/text-fields';

export const SCOPE_KINDS: DeliberationScopeKind[] = ['community', 'building', 'owners'];

export class DeliberationScopeDto {
  @IsIn(SCOPE_KINDS)
  kind: DeliberationScopeKind;

  /** Required for a building scope; may be left out or null otherwise. */
  @ValidateIf((o: DeliberationScopeDto) => o.kind === 'building' || (o.building !== undefined && o.building !== null))
  @RequiredText(32, { message: '请填写楼栋' })
  building?: string | null;
}
