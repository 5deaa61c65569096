import {
  checkPollDefinition,
  type DeliberationPollInput,
  type DeliberationScopeKind,
  type OwnerMatter,
  type VotingBallotType,
} from '@linli/shared';

export interface PollFormState {
  title: string;
  type: VotingBallotType;
  /** Option labels in display order (single / multiple). */
  options: string[];
  maxChoices: string;
  /** How long the vote stays open, in hours from now. */
  durationHours: number;
  hideResultsUntilClose: boolean;
  ownerMatter: OwnerMatter | null;
}

export type PollFormErrors = Partial<Record<'title' | 'options' | 'maxChoices' | 'ownerMatter', string>>;

export const POLL_DURATIONS: { hours: number; label: string }[] = [
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' },
  { hours: 168, label: '7 天' },
  { hours: 336, label: '14 天' },
];

export function emptyPollForm(scopeKind: DeliberationScopeKind, title = ''): PollFormState {
  // An owners' topic can only be decided by an owners' vote (agree / disagree / abstain, weighted by area).
  const owners = scopeKind === 'owners';
  return {
    title,
    type: owners ? 'approval3' : 'single',
    options: owners ? [] : ['', ''],
    maxChoices: '2',
    durationHours: 168,
    hideResultsUntilClose: false,
    ownerMatter: null,
  };
}

/** The form as a request body opening now, or what to fix; option ids are generated in display order. */
export function toPollInput(
  form: PollFormState,
  scopeKind: DeliberationScopeKind,
  now: Date,
): { input?: DeliberationPollInput; errors: PollFormErrors } {
  const errors: PollFormErrors = {};
  const title = form.title.trim();
  if (!title) errors.title = '请填写投票标题';
  else if (title.length < 2) errors.title = '投票标题至少 2 个字';
  const owners = scopeKind === 'owners';
  if (owners && form.type !== 'approval3') errors.options = '业主共同决定事项只能采用同意/反对/弃权表决';
  if (owners && !form.ownerMatter) errors.ownerMatter = '请选择《民法典》第二百七十八条的表决事项';

  const input: DeliberationPollInput = {
    title,
    type: form.type,
    opensAt: now.toISOString(),
    closesAt: new Date(now.getTime() + form.durationHours * 3_600_000).toISOString(),
  };
  if (form.hideResultsUntilClose) input.hideResultsUntilClose = true;
  if (owners && form.ownerMatter) input.ownerMatter = form.ownerMatter;

  if (form.type !== 'approval3') {
    const labels = form.options.map((label) => label.trim()).filter(Boolean);
    if (new Set(labels).size !== labels.length) errors.options = '选项不能重复';
    input.options = labels.map((label, i) => ({ id: `opt${i + 1}`, label }));
    const optionIds = input.options.map((o) => o.id);
    const maxChoices = Number(form.maxChoices);
    if (form.type === 'multiple') input.maxChoices = maxChoices;
    const problem = checkPollDefinition(
      form.type === 'multiple' ? { type: 'multiple', optionIds, maxChoices } : { type: 'single', optionIds },
    );
    if (problem && !errors.options) {
      if (problem.error === 'bad_max_choices') errors.maxChoices = problem.message;
      else errors.options = problem.message;
    }
  }
  if (Object.keys(errors).length) return { errors };
  return { input, errors };
}
