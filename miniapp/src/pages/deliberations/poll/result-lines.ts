import {
  formatPercentFloor,
  type DeliberationPollCounts,
  type DeliberationPollView,
  type OwnerDecision,
  type OwnerThresholdCheck,
  type PollTally,
} from '@linli/shared';
import { ballotOptionsOf } from './ballot-form';

export interface ThresholdLine {
  key: 'participationArea' | 'participationOwners' | 'agreementArea' | 'agreementOwners';
  /** e.g. "参与面积 72.30% ≥ 2/3 ✓" */
  text: string;
  met: boolean;
}

const THRESHOLD_LABELS: Record<ThresholdLine['key'], string> = {
  participationArea: '参与面积',
  participationOwners: '参与人数',
  agreementArea: '同意面积',
  agreementOwners: '同意人数',
};

/**
 * The comparison as a sign: "≥ 2/3" for "三分之二以上" and "> 1/2" for "过半数" when met; the negation
 * ("< 2/3", "≤ 1/2") when not, so the line reads true either way.
 */
export function thresholdSign(check: OwnerThresholdCheck): string {
  const { ratio, comparison } = check.threshold;
  const sign = comparison === 'at_least' ? (check.met ? '≥' : '<') : check.met ? '>' : '≤';
  return `${sign} ${ratio.numerator}/${ratio.denominator}`;
}

/** The four Art. 278 checks as one plain line each, in the order the statute applies them. */
export function thresholdLines(decision: OwnerDecision): ThresholdLine[] {
  return (Object.keys(THRESHOLD_LABELS) as ThresholdLine['key'][]).map((key) => {
    const check = decision.thresholds[key];
    return { key, text: `${THRESHOLD_LABELS[key]} ${check.share.percent} ${thresholdSign(check)} ${check.met ? '✓' : '✗'}`, met: check.met };
  });
}

export interface OptionRow {
  optionId: string;
  label: string;
  votes: number;
  /** Of the counted voters, rounded down. */
  percent: string;
  leading: boolean;
}

/** One row per option in the poll's order, from a final tally or the live counts. */
export function optionRows(
  poll: Pick<DeliberationPollView, 'type' | 'options'>,
  counts: Pick<PollTally, 'options' | 'voters'> | DeliberationPollCounts,
  leaders: readonly string[] = [],
): OptionRow[] {
  const votesById = new Map(counts.options.map((o) => [o.optionId, o.votes]));
  return ballotOptionsOf(poll).map((option) => {
    const votes = votesById.get(option.id) ?? 0;
    return {
      optionId: option.id,
      label: option.label,
      votes,
      percent: formatPercentFloor(BigInt(votes), BigInt(counts.voters)),
      leading: leaders.includes(option.id),
    };
  });
}

/** The headline of a closed poll: the Art. 278 verdict for owners' votes, else the leading option(s). */
export function resultHeadline(poll: Pick<DeliberationPollView, 'type' | 'options'>, tally: PollTally, decision: OwnerDecision | null): string {
  if (decision) {
    if (!decision.valid) return '参与表决的业主未达法定比例，表决不成立';
    return decision.passed ? '决议通过' : '决议未通过';
  }
  if (tally.voters === 0) return '无人投票';
  const labels = new Map(ballotOptionsOf(poll).map((o) => [o.id, o.label]));
  const names = tally.leaders.map((id) => labels.get(id) ?? id).join('、');
  return tally.leaders.length > 1 ? `并列最多：${names}` : `得票最多：${names}`;
}
