import { Text, View } from '@tarojs/components';
import { formatExclusiveArea, OWNER_HEADCOUNT_NOTE, type DeliberationPollResult, type DeliberationPollView } from '@linli/shared';
import { optionRows, resultHeadline, thresholdLines, type OptionRow } from './result-lines';

export function OptionBars({ rows, idPrefix }: { rows: OptionRow[]; idPrefix: string }) {
  return (
    <View>
      {rows.map((row) => (
        <View key={row.optionId} className={`${idPrefix}-row ${idPrefix}-${row.optionId}`}>
          <View className='row'>
            <Text>
              {row.label}
              {row.leading ? ' ★' : ''}
            </Text>
            <Text className={`${idPrefix}-votes`}>
              {row.votes} 票 · {row.percent}
            </Text>
          </View>
          <View className='delib-bar'>
            <View className='delib-bar__fill' style={{ width: row.percent }} />
          </View>
        </View>
      ))}
    </View>
  );
}

/** A closed poll's published result: the verdict, each option, and for owners the four Art. 278 checks. */
export function PollResultCard({ poll, result, idPrefix = 'poll-result' }: { poll: Pick<DeliberationPollView, 'type' | 'options'>; result: DeliberationPollResult; idPrefix?: string }) {
  const decision = result.ownerDecision;
  const tally = result.tally;
  return (
    <View id={idPrefix} className='card'>
      <Text id={`${idPrefix}-headline`} className='card__title'>
        {resultHeadline(poll, tally, decision)}
      </Text>
      {decision ? (
        <View>
          {thresholdLines(decision).map((line) => (
            <Text key={line.key} className={`delib-threshold ${idPrefix}-threshold-${line.key} ${line.met ? 'delib-threshold--met' : 'delib-threshold--missed'}`}>
              {line.text}
            </Text>
          ))}
          <Text className='delib-meta'>
            同意 {formatExclusiveArea(decision.byChoice.agree.area)}㎡ · 反对 {formatExclusiveArea(decision.byChoice.disagree.area)}㎡ · 弃权{' '}
            {formatExclusiveArea(decision.byChoice.abstain.area)}㎡
          </Text>
          {/* The summary carries the statutory explanation for owners' votes. */}
          <Text className={`delib-body ${idPrefix}-summary`}>{result.summary}</Text>
          <Text className='delib-meta'>{OWNER_HEADCOUNT_NOTE}</Text>
        </View>
      ) : (
        <View>
          <OptionBars rows={optionRows(poll, tally, tally.leaders)} idPrefix={`${idPrefix}-option`} />
          {tally.turnout && (
            <Text className='delib-meta'>
              参与 {tally.turnout.voters} / {tally.turnout.eligible} 人（{tally.turnout.percent}）
            </Text>
          )}
          <Text className={`delib-body ${idPrefix}-summary`}>{result.summary}</Text>
        </View>
      )}
      <Text className='delib-meta'>选票链：共 {result.chainCount} 张，链头</Text>
      <Text className='delib-receipt'>{result.chainHead}</Text>
    </View>
  );
}
