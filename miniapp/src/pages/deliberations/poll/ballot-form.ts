import {
  APPROVAL3_LABELS,
  APPROVAL3_OPTIONS,
  compileBallotValidator,
  type BallotCheck,
  type DeliberationBallotInput,
  type DeliberationPollView,
  type DeliberationVoterSlot,
  type VotingPoll,
} from '@linli/shared';

/** The shared rules' view of a poll, so the page checks a ballot exactly as the server will. */
export function votingPollOf(poll: Pick<DeliberationPollView, 'type' | 'options' | 'maxChoices'>): VotingPoll {
  if (poll.type === 'approval3') return { type: 'approval3' };
  const optionIds = poll.options.map((o) => o.id);
  return poll.type === 'multiple' ? { type: 'multiple', optionIds, maxChoices: poll.maxChoices } : { type: 'single', optionIds };
}

/** The options to show, with their labels; agree / disagree / abstain for owners' decisions. */
export function ballotOptionsOf(poll: Pick<DeliberationPollView, 'type' | 'options'>): { id: string; label: string }[] {
  if (poll.type === 'approval3' && poll.options.length === 0) {
    return APPROVAL3_OPTIONS.map((id) => ({ id, label: APPROVAL3_LABELS[id] }));
  }
  return poll.options;
}

/**
 * A tap on an option. Single choice and agree/disagree/abstain replace the pick; multiple choice toggles it
 * (going over the limit is allowed here so the shared rule can say why it is refused).
 */
export function toggleChoice(type: DeliberationPollView['type'], current: readonly string[], optionId: string): string[] {
  if (type !== 'multiple') return [optionId];
  return current.includes(optionId) ? current.filter((id) => id !== optionId) : [...current, optionId];
}

/** What the ballot form says under the options before anything is sent. */
export function checkChoice(poll: Pick<DeliberationPollView, 'type' | 'options' | 'maxChoices'>, choice: readonly string[]): BallotCheck {
  return compileBallotValidator(votingPollOf(poll))(choice);
}

/** The request body: canonical choice, the unit for owners' votes, and the current receipt when changing a ballot. */
export function ballotInputFor(slot: DeliberationVoterSlot, optionIds: string[]): DeliberationBallotInput {
  const input: DeliberationBallotInput = { choice: optionIds };
  if (slot.unitId !== null) input.unitId = slot.unitId;
  if (slot.current) input.replacesReceipt = slot.current.receipt;
  return input;
}

/** How a choice reads back to the voter ("同意", "方案A、方案B"). */
export function describeChoice(poll: Pick<DeliberationPollView, 'type' | 'options'>, choice: readonly string[]): string {
  const labels = new Map(ballotOptionsOf(poll).map((o) => [o.id, o.label]));
  return choice.map((id) => labels.get(id) ?? id).join('、');
}

/** A receipt is long; the page prints it in groups of eight so a voter can read it out or compare it. */
export function groupReceipt(receipt: string): string {
  return receipt.replace(/(.{8})(?=.)/g, '$1 ');
}
