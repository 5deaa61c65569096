import { formatExclusiveArea } from './area';
import { APPROVAL3_OPTIONS, Approval3Choice } from './ballot-rules';
import { headcountOwnerOf, OwnerUnit } from './owner-headcount';
import { choiceMask, countGroups, type CountGroup, type PollCount } from './poll-counts';
import { OWNER_AGREEMENT_THRESHOLDS, OWNER_MATTERS, OWNER_PARTICIPATION_THRESHOLD, OwnerMatter } from './owner-matters';
import { describeThreshold, formatPercentFloor, meetsThreshold, VoteThreshold } from './ratio';

export interface OwnerBallot {
  unitId: string;
  choice: Approval3Choice;
  /** Acceptance order; when present on every ballot, the highest per unit counts. */
  seq?: number;
}

export interface OwnerShare {
  numerator: number;
  denominator: number;
  /** Rounded down, for display only. */
  percent: string;
}

export interface OwnerThresholdCheck {
  threshold: VoteThreshold;
  /** How the statute words it, e.g. "三分之二以上". */
  wording: string;
  share: OwnerShare;
  met: boolean;
}

export interface OwnerTotals {
  /** Hundredths of m². */
  area: number;
  owners: number;
  units: number;
}

export interface OwnerDecision {
  matter: OwnerMatter;
  matterLabel: string;
  article278Item: number;
  agreementRule: 'special' | 'ordinary';
  totals: OwnerTotals;
  /** Shares are of the totals. */
  participating: OwnerTotals & { areaShare: OwnerShare; ownerShare: OwnerShare };
  /** Shares are of the participating area and owners. */
  agreeing: OwnerTotals & { areaShare: OwnerShare; ownerShare: OwnerShare };
  /** Area and units per choice (headcount is not split by choice: a mixed owner has no single choice). */
  byChoice: Record<Approval3Choice, { area: number; units: number }>;
  thresholds: {
    participationArea: OwnerThresholdCheck;
    participationOwners: OwnerThresholdCheck;
    agreementArea: OwnerThresholdCheck;
    agreementOwners: OwnerThresholdCheck;
  };
  /** Enough owners took part for the vote to count at all. */
  valid: boolean;
  /** Valid and both agreement thresholds met. */
  passed: boolean;
  explanation: string;
}

export type OwnerDecisionInputErrorCode =
  | 'duplicate_unit'
  | 'invalid_area'
  | 'unknown_unit'
  | 'invalid_choice'
  | 'mixed_ordering'
  | 'conflicting_ballots'
  | 'area_too_large';

/** The roll or ballots are inconsistent; a result computed from them could not be trusted. */
export class OwnerDecisionInputError extends Error {
  constructor(
    readonly code: OwnerDecisionInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OwnerDecisionInputError';
  }
}

/** The roll fixed when an owners' vote is set up, indexed for counting. */
export interface OwnerRollIndex {
  totals: OwnerTotals;
  /** Per unit: its exclusive area, and the roll's number for its headcount owner when that owner holds several units (else null). */
  units: Map<string, { area: number; head: number | null }>;
}

/**
 * Checks and indexes a roll. Owners holding several units (the developer's unsold units being one such owner)
 * are numbered 1, 2, … in the order their first unit appears in the roll; a unit whose owner holds only it is
 * a head of its own (null). The numbering depends on the roll alone, which never changes after the vote is
 * set up, so ballots can carry it from the moment they are accepted and the database can group heads itself.
 */
export function indexOwnerRoll(units: readonly OwnerUnit[]): OwnerRollIndex {
  const held = new Map<string, number>();
  let area = 0;
  const seen = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.unitId)) {
      throw new OwnerDecisionInputError('duplicate_unit', `业主名册中专有部分 ${unit.unitId} 重复出现`);
    }
    // A zero-area unit would add a head without area; the roll should not contain one.
    if (!Number.isSafeInteger(unit.exclusiveArea) || unit.exclusiveArea <= 0) {
      throw new OwnerDecisionInputError('invalid_area', `专有部分 ${unit.unitId} 的面积无效：${String(unit.exclusiveArea)}`);
    }
    seen.add(unit.unitId);
    const owner = headcountOwnerOf(unit);
    held.set(owner, (held.get(owner) ?? 0) + 1);
    area += unit.exclusiveArea;
  }
  const numbers = new Map<string, number>();
  const indexed = new Map<string, { area: number; head: number | null }>();
  for (const unit of units) {
    const owner = headcountOwnerOf(unit);
    let head: number | null = null;
    if (held.get(owner)! > 1) {
      head = numbers.get(owner) ?? numbers.size + 1;
      numbers.set(owner, head);
    }
    indexed.set(unit.unitId, { area: unit.exclusiveArea, head });
  }
  // Sums of whole hundredths stay exact as long as the total is a safe integer.
  return { totals: { area: toSafe(area), owners: held.size, units: units.length }, units: indexed };
}

const APPROVAL3_POSITION = new Map(APPROVAL3_OPTIONS.map((choice, i) => [choice as string, i]));

/**
 * Owners' joint decisions under Civil Code Art. 278, weighted by exclusive area and by headcount, from the
 * roll and the individual ballots.
 *
 * Readings this implementation commits to (the statute leaves them open):
 *  - Participating (参与表决) means the unit's last ballot exists, abstain included: abstaining is
 *    taking part. An owner (headcount) participates when any of their units has a ballot.
 *  - A multi-unit owner who votes differently on different units counts towards the agreeing
 *    headcount only if every unit they voted with agrees. This is the conservative reading: a
 *    mixed owner can never tip the headcount towards passing. Their area is counted unit by unit
 *    as always, so the agreeing units' area still counts as agreeing area. The developer's unsold
 *    units, being one owner, follow the same rule.
 *  - The last ballot per unit counts: the one with the highest `seq` when ballots carry it,
 *    otherwise the later one in the list.
 * All shares are compared exactly (ratio.ts): exactly 2/3 and exactly 3/4 meet their thresholds,
 * exactly 1/2 does not meet "more than half".
 * Each unit's last ballot is counted as a group of one through countGroups, as the final count counts the
 * groups the database returns, and decided by decideOwnerMatterFromCount.
 */
export function decideOwnerMatter(
  matter: OwnerMatter,
  units: readonly OwnerUnit[],
  ballots: readonly OwnerBallot[],
): OwnerDecision {
  if (!OWNER_MATTERS[matter]) throw new RangeError(`未知的共同决定事项：${String(matter)}`);
  const roll = indexOwnerRoll(units);
  const groups: CountGroup[] = [];
  for (const [unitId, choice] of lastBallotPerUnit(ballots, roll.units)) {
    const unit = roll.units.get(unitId)!;
    groups.push({ choiceMask: choiceMask([APPROVAL3_POSITION.get(choice)!]), ballots: 1, area: unit.area, head: unit.head });
  }
  const count = countGroups({ type: 'approval3' }, groups, { ballotsReceived: ballots.length, weighted: true });
  return decideOwnerMatterFromCount(matter, roll.totals, count);
}

/**
 * The Art. 278 decision from a count of an approval3 owners' vote (countGroups, weighted) against the roll's
 * totals: what decideOwnerMatter gives for the same last ballots, however they were grouped.
 */
export function decideOwnerMatterFromCount(
  matter: OwnerMatter,
  totals: OwnerTotals,
  count: Pick<PollCount, 'counts' | 'heads'>,
): OwnerDecision {
  const rule = OWNER_MATTERS[matter];
  if (!rule) throw new RangeError(`未知的共同决定事项：${String(matter)}`);
  const { counts, heads } = count;
  if (!counts.area || !heads) throw new RangeError('业主共同决定须按面积和人数计票');
  const byChoice = {} as Record<Approval3Choice, { area: number; units: number }>;
  let participatingArea = 0n;
  APPROVAL3_OPTIONS.forEach((choice, i) => {
    byChoice[choice] = { area: toSafe(counts.area![i]), units: counts.votes[i] };
    participatingArea += BigInt(byChoice[choice].area);
  });
  const agreeingArea = BigInt(byChoice.agree.area);
  const participatingOwners = BigInt(heads.participating);
  const agreeingOwners = BigInt(heads.agreeing);

  const agreementThreshold = OWNER_AGREEMENT_THRESHOLDS[rule.agreement];
  const thresholds = {
    participationArea: check(participatingArea, BigInt(totals.area), OWNER_PARTICIPATION_THRESHOLD),
    participationOwners: check(participatingOwners, BigInt(totals.owners), OWNER_PARTICIPATION_THRESHOLD),
    agreementArea: check(agreeingArea, participatingArea, agreementThreshold),
    agreementOwners: check(agreeingOwners, participatingOwners, agreementThreshold),
  };
  const valid = thresholds.participationArea.met && thresholds.participationOwners.met;
  const passed = valid && thresholds.agreementArea.met && thresholds.agreementOwners.met;

  const decision: Omit<OwnerDecision, 'explanation'> = {
    matter,
    matterLabel: rule.label,
    article278Item: rule.item,
    agreementRule: rule.agreement,
    totals: { ...totals },
    participating: {
      area: toSafe(participatingArea),
      owners: heads.participating,
      units: counts.voters,
      areaShare: thresholds.participationArea.share,
      ownerShare: thresholds.participationOwners.share,
    },
    agreeing: {
      area: byChoice.agree.area,
      owners: heads.agreeing,
      units: byChoice.agree.units,
      areaShare: thresholds.agreementArea.share,
      ownerShare: thresholds.agreementOwners.share,
    },
    byChoice,
    thresholds,
    valid,
    passed,
  };
  return { ...decision, explanation: explainOwnerDecision(decision) };
}

/** unitId → the choice of that unit's last ballot. */
function lastBallotPerUnit(
  ballots: readonly OwnerBallot[],
  unitById: Map<string, unknown>,
): Map<string, Approval3Choice> {
  const withSeq = ballots.filter((b) => b.seq !== undefined).length;
  if (withSeq !== 0 && withSeq !== ballots.length) {
    // Half-ordered input has no defined "last": refuse rather than mix list order with seq order.
    throw new OwnerDecisionInputError('mixed_ordering', '选票的顺序信息不完整：部分选票缺少序号');
  }
  const last = new Map<string, { choice: Approval3Choice; order: number }>();
  ballots.forEach((ballot, index) => {
    if (!unitById.has(ballot.unitId)) {
      throw new OwnerDecisionInputError('unknown_unit', `选票对应的专有部分 ${ballot.unitId} 不在业主名册中`);
    }
    if (!(APPROVAL3_OPTIONS as readonly string[]).includes(ballot.choice)) {
      throw new OwnerDecisionInputError('invalid_choice', `选票选择无效：${String(ballot.choice)}`);
    }
    const order = ballot.seq ?? index;
    if (!Number.isSafeInteger(order)) {
      throw new OwnerDecisionInputError('mixed_ordering', `选票序号无效：${String(ballot.seq)}`);
    }
    const previous = last.get(ballot.unitId);
    if (previous && previous.order === order && previous.choice !== ballot.choice) {
      throw new OwnerDecisionInputError('conflicting_ballots', `专有部分 ${ballot.unitId} 的同一序号选票出现不同选择`);
    }
    if (!previous || order > previous.order) last.set(ballot.unitId, { choice: ballot.choice, order });
  });
  return new Map([...last].map(([unitId, { choice }]) => [unitId, choice]));
}

function check(part: bigint, whole: bigint, threshold: VoteThreshold): OwnerThresholdCheck {
  return {
    threshold,
    wording: describeThreshold(threshold),
    share: { numerator: toSafe(part), denominator: toSafe(whole), percent: formatPercentFloor(part, whole) },
    met: meetsThreshold(part, whole, threshold),
  };
}

function toSafe(value: bigint | number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new OwnerDecisionInputError('area_too_large', '专有部分面积合计超出可精确计算的范围');
  return n;
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const m2 = (hundredths: number) => `${formatExclusiveArea(hundredths)} 平方米`;
const metText = (met: boolean) => (met ? '已达到' : '未达到');

/** The plain-language paragraph the bulletin board prints under the numbers. */
export function explainOwnerDecision(d: Omit<OwnerDecision, 'explanation'>): string {
  if (d.totals.units === 0) return `业主名册为空，无法就“${d.matterLabel}”作出共同决定。`;
  const t = d.thresholds;
  const participation =
    `参与表决的业主专有部分面积 ${m2(d.participating.area)}，占总面积 ${m2(d.totals.area)}的 ` +
    `${t.participationArea.share.percent}（须${t.participationArea.wording}，${metText(t.participationArea.met)}）；` +
    `参与表决人数 ${d.participating.owners} 人，占业主总人数 ${d.totals.owners} 人的 ` +
    `${t.participationOwners.share.percent}（须${t.participationOwners.wording}，${metText(t.participationOwners.met)}）。`;
  if (!d.valid) {
    return `${participation}参与表决的业主未达到法定比例，本次表决不成立，“${d.matterLabel}”未获通过。`;
  }
  const agreement =
    `本事项属《民法典》第二百七十八条第一款第${CHINESE_DIGITS[d.article278Item]}项（${d.matterLabel}），` +
    `须经参与表决专有部分面积${t.agreementArea.wording}的业主且参与表决人数${t.agreementOwners.wording}的业主同意。` +
    `同意的专有部分面积 ${m2(d.agreeing.area)}，占参与表决面积的 ${t.agreementArea.share.percent}` +
    `（${metText(t.agreementArea.met)}）；同意人数 ${d.agreeing.owners} 人，占参与表决人数的 ` +
    `${t.agreementOwners.share.percent}（${metText(t.agreementOwners.met)}）。`;
  return `${participation}表决有效。${agreement}${d.passed ? '决议通过。' : '决议未通过。'}`;
}

/** How heads are counted, for the bulletin board's footnote. */
export const OWNER_HEADCOUNT_NOTE =
  '业主人数按专有部分计算，一个专有部分按一人计算；同一买受人拥有多个专有部分的按一人计算，' +
  '建设单位尚未出售或虽已出售但尚未交付的专有部分合并按一人计算。拥有多个专有部分的业主，' +
  '仅当其参与表决的全部专有部分均表示同意时计入同意人数；投弃权票视为参与表决。';
