/**
 * What a ballot may contain. Three ballot types:
 *  - `single`    pick exactly one option;
 *  - `multiple`  pick at least one and at most `maxChoices` options;
 *  - `approval3` agree / disagree / abstain (同意 / 反对 / 弃权), the form of every owner decision.
 * A choice is always a list of option ids, so storage, tallying and the receipt chain treat all
 * three types alike.
 */
export type VotingBallotType = 'single' | 'multiple' | 'approval3';

export const APPROVAL3_OPTIONS = ['agree', 'disagree', 'abstain'] as const;
export type Approval3Choice = (typeof APPROVAL3_OPTIONS)[number];

export const APPROVAL3_LABELS: Record<Approval3Choice, string> = {
  agree: '同意',
  disagree: '反对',
  abstain: '弃权',
};

export type VotingPoll =
  | { type: 'single'; optionIds: readonly string[] }
  | { type: 'multiple'; optionIds: readonly string[]; maxChoices: number }
  | { type: 'approval3' };

export type VotingChoice = readonly string[];

export type BallotErrorCode = 'no_option' | 'unknown_option' | 'duplicate_option' | 'too_many_options';

export type BallotCheck =
  /** `optionIds` are the chosen ids in the poll's option order: the canonical form to store and hash. */
  | { ok: true; optionIds: string[] }
  | { ok: false; error: BallotErrorCode; message: string; details?: { optionId?: string; max?: number } };

/** The option ids a poll offers, in display order. */
export function pollOptionIds(poll: VotingPoll): readonly string[] {
  return poll.type === 'approval3' ? APPROVAL3_OPTIONS : poll.optionIds;
}

/** How many options one ballot may pick. */
export function maxChoicesOf(poll: VotingPoll): number {
  return poll.type === 'multiple' ? poll.maxChoices : 1;
}

/**
 * A validator bound to one poll: the option lookup is built once, so checking a ballot costs
 * O(options picked) — the tally runs it on every ballot.
 */
export function compileBallotValidator(poll: VotingPoll): (choice: VotingChoice) => BallotCheck {
  const ids = pollOptionIds(poll);
  const position = new Map(ids.map((id, i) => [id, i]));
  const max = maxChoicesOf(poll);
  return (choice) => {
    if (!Array.isArray(choice) || choice.length === 0) {
      return { ok: false, error: 'no_option', message: '请至少选择一个选项' };
    }
    const seen = new Set<string>();
    for (const id of choice) {
      if (typeof id !== 'string' || !position.has(id)) {
        return { ok: false, error: 'unknown_option', message: '所选选项不存在', details: { optionId: String(id) } };
      }
      if (seen.has(id)) {
        return { ok: false, error: 'duplicate_option', message: '同一选项不能重复选择', details: { optionId: id } };
      }
      seen.add(id);
    }
    if (choice.length > max) {
      const message = max === 1 ? '本投票只能选择一个选项' : `本投票最多可选 ${max} 项`;
      return { ok: false, error: 'too_many_options', message, details: { max } };
    }
    const optionIds = [...choice].sort((a, b) => position.get(a)! - position.get(b)!);
    return { ok: true, optionIds };
  };
}

/** Checks one ballot against its poll; see `compileBallotValidator` to check many. */
export function validateBallot(poll: VotingPoll, choice: VotingChoice): BallotCheck {
  return compileBallotValidator(poll)(choice);
}

export type PollDefinitionErrorCode = 'too_few_options' | 'duplicate_option_id' | 'empty_option_id' | 'bad_max_choices';

/**
 * Whether a poll can be opened at all: at least two distinct, non-empty option ids, and for
 * multiple choice a limit between 1 and the number of options. Returns null when fine.
 */
export function checkPollDefinition(poll: VotingPoll): { error: PollDefinitionErrorCode; message: string } | null {
  if (poll.type === 'approval3') return null;
  if (poll.optionIds.length < 2) return { error: 'too_few_options', message: '投票至少需要两个选项' };
  if (poll.optionIds.some((id) => typeof id !== 'string' || id.length === 0)) {
    return { error: 'empty_option_id', message: '选项不能为空' };
  }
  if (new Set(poll.optionIds).size !== poll.optionIds.length) {
    return { error: 'duplicate_option_id', message: '选项不能重复' };
  }
  if (
    poll.type === 'multiple' &&
    (!Number.isInteger(poll.maxChoices) || poll.maxChoices < 1 || poll.maxChoices > poll.optionIds.length)
  ) {
    return { error: 'bad_max_choices', message: `最多可选项数应在 1 到 ${poll.optionIds.length} 之间` };
  }
  return null;
}
