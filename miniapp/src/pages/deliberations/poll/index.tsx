import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import {
  DELIBERATION_LIVE_EVENTS,
  DELIBERATION_POLL_STATUS_LABELS,
  DELIBERATION_SCOPE_LABELS,
  formatExclusiveArea,
  OWNER_MATTERS,
  type DeliberationBallotReceipt,
  type DeliberationPollCounts,
  type DeliberationPollMeView,
  type DeliberationPollView,
  type DeliberationVoterSlot,
} from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { ApiError, errorMessage } from '../../../services';
import { deliberationsApi, deliberationsLive, pollRoom } from '../../../services/deliberations-api';
import { formatShanghaiTime, timeLeft } from '../parts/deliberation-time';
import { SignInNote } from '../parts/sign-in-note';
import { ballotInputFor, ballotOptionsOf, checkChoice, describeChoice, groupReceipt, toggleChoice } from './ballot-form';
import { OptionBars, PollResultCard } from './poll-result-card';
import { newIdempotencyKey } from './idempotency-key';
import { checkReceiptLocally } from './receipt-verify';
import { optionRows } from './result-lines';
import { ResultSubscriptionOffer } from './result-subscription';
import '../deliberations.css';

const TYPE_HINTS = {
  single: '单选：只能选一项',
  multiple: '多选',
  approval3: '同意 / 反对 / 弃权',
} as const;

const slotKey = (slot: DeliberationVoterSlot) => (slot.unitId === null ? 'self' : String(slot.unitId));

interface SlotBallotProps {
  poll: DeliberationPollView;
  slot: DeliberationVoterSlot;
  onCast: (slot: DeliberationVoterSlot, receipt: DeliberationBallotReceipt) => void;
  /** The ballot changed elsewhere (another device): reload what this voter currently has. */
  onStale: () => void;
}

/** 409s meaning this page's idea of the current ballot is out of date. */
const STALE_BALLOT_ERRORS = ['ballot_exists', 'ballot_changed'];

/** The ballot for one place the voter votes from (themselves, or one owned unit). */
function SlotBallot({ poll, slot, onCast, onStale }: SlotBallotProps) {
  const key = slotKey(slot);
  const [choice, setChoice] = useState<string[]>(slot.current?.choice ?? []);
  const [changing, setChanging] = useState(!slot.current);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per intended ballot: a retried tap reuses it, a new choice gets a new one.
  const idempotency = useRef<string>(newIdempotencyKey());
  const currentSeq = slot.current?.seq;
  // A ballot cast here or on another device becomes the one to start from.
  useEffect(() => {
    if (slot.current) setChoice(slot.current.choice);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentSeq]);

  async function cast() {
    if (busy) return;
    const check = checkChoice(poll, choice);
    if (!check.ok) return setMessage(check.message);
    setMessage(null);
    setBusy(true);
    try {
      const receipt = await deliberationsApi.castBallot(poll.id, ballotInputFor(slot, check.optionIds), idempotency.current);
      idempotency.current = newIdempotencyKey();
      setChanging(false);
      onCast(slot, receipt);
      Taro.showToast({ title: slot.current ? '已修改投票' : '投票成功', icon: 'none' });
    } catch (err) {
      setMessage(errorMessage(err));
      if (err instanceof ApiError && STALE_BALLOT_ERRORS.includes(err.error)) onStale();
    } finally {
      setBusy(false);
    }
  }

  const options = ballotOptionsOf(poll);
  return (
    <View id={`ballot-${key}`} className='card ballot-slot'>
      <Text className='card__title'>
        {slot.label}
        {slot.exclusiveArea !== null ? ` · ${formatExclusiveArea(slot.exclusiveArea)}㎡` : ''}
      </Text>
      {slot.current && (
        <View id={`ballot-current-${key}`}>
          <Text className='delib-ok'>已投：{describeChoice(poll, slot.current.choice)}</Text>
          <Text className='delib-meta'>投票回执（请保存，可随时核验）：</Text>
          <Text id={`ballot-receipt-${key}`} className='delib-receipt ballot-receipt'>
            {groupReceipt(slot.current.receipt)}
          </Text>
          <Text className='delib-meta'>投票时间 {formatShanghaiTime(slot.current.castAt)} · 第 {slot.current.seq} 张</Text>
        </View>
      )}
      {changing ? (
        <View>
          <View className='choices'>
            {options.map((option) => (
              <View
                key={option.id}
                id={`ballot-option-${key}-${option.id}`}
                className={`choice ballot-option ballot-option-${option.id}${choice.includes(option.id) ? ' choice--on' : ''}`}
                onClick={() => {
                  setChoice(toggleChoice(poll.type, choice, option.id));
                  setMessage(null);
                }}
              >
                {option.label}
              </View>
            ))}
          </View>
          <ErrorNote id={`ballot-error-${key}`} message={message} />
          <View id={`ballot-submit-${key}`} className={busy ? 'btn btn--disabled ballot-submit' : 'btn ballot-submit'} onClick={cast}>
            {busy ? '提交中…' : slot.current ? '确认修改' : '投票'}
          </View>
        </View>
      ) : (
        <View id={`ballot-change-${key}`} className='btn btn--ghost btn--small ballot-change' onClick={() => setChanging(true)}>
          修改我的投票
        </View>
      )}
    </View>
  );
}

function ReceiptChecker({ pollId, initial }: { pollId: number; initial: string }) {
  const [receipt, setReceipt] = useState(initial);
  const [server, setServer] = useState<string | null>(null);
  const [local, setLocal] = useState<{ ok: boolean; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setReceipt(initial), [initial]);

  async function check() {
    const value = receipt.replace(/\s+/g, '');
    if (!value) return setError('请输入投票回执');
    setError(null);
    setServer(null);
    setLocal(null);
    try {
      const result = await deliberationsApi.checkReceipt(pollId, value);
      setServer(result.found ? `服务器确认：回执有效${result.ballot ? `（第 ${result.ballot.seq} 张）` : ''}${result.chainOk ? '，选票链完整' : '，但选票链校验异常'}` : '服务器未找到这张回执');
      // Recompute the chain here too when it is published (after close, or while open when counts are shown).
      const chain = await deliberationsApi.chain(pollId).catch(() => null);
      if (chain) {
        const mine = checkReceiptLocally(value, chain);
        setLocal({ ok: mine.found && mine.chainOk, text: `本机重新计算 ${chain.count} 张选票的哈希：${mine.message}` });
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <View id='receipt-checker' className='card'>
      <Text className='card__title'>核验投票回执</Text>
      <Text className='muted'>回执只证明你的选票在链上、未被改动，不显示是谁投的。</Text>
      <Input id='receipt-input' className='field__input' value={receipt} placeholder='粘贴或输入回执' onInput={(e) => setReceipt(e.detail.value)} />
      <View id='receipt-check' className='btn btn--small' onClick={check}>
        核验
      </View>
      {server && (
        <Text id='receipt-check-result' className='delib-ok'>
          {server}
        </Text>
      )}
      {local && (
        <Text id='receipt-check-local' className={local.ok ? 'delib-ok' : 'delib-bad'}>
          {local.text}
        </Text>
      )}
      <ErrorNote message={error} />
    </View>
  );
}

/** A vote: the ballot (change it until close), the receipt, live counts and, once closed, the result. */
export default function PollPage() {
  const current = useSession();
  const id = Number(useRouter().params.id);
  const [poll, setPoll] = useState<DeliberationPollView | null>(null);
  const [counts, setCounts] = useState<DeliberationPollCounts | null>(null);
  const [mine, setMine] = useState<DeliberationPollMeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A ballot accepted on this page: the moment to offer the result by WeChat (weapp only).
  const [voted, setVoted] = useState(false);

  const load = useCallback(() => {
    deliberationsApi
      .poll(id)
      .then((p) => {
        setPoll(p);
        setCounts(p.counts);
      })
      .catch((err) => setError(errorMessage(err)));
  }, [id]);
  const loadMine = useCallback(() => {
    if (!current) return setMine(null);
    deliberationsApi
      .pollMe(id)
      .then(setMine)
      .catch((err) => setError(errorMessage(err)));
  }, [id, current]);

  useEffect(load, [load]);
  useEffect(loadMine, [loadMine]);

  const loaded = poll !== null;
  useEffect(() => {
    if (!loaded) return;
    return deliberationsLive().subscribe<unknown>(pollRoom(id), {
      afterSeq: poll?.counts?.seq,
      onEvent: (event) => {
        if (event.type === DELIBERATION_LIVE_EVENTS.pollCounts) setCounts(event.data as DeliberationPollCounts);
        if (event.type === DELIBERATION_LIVE_EVENTS.pollClosed) load();
      },
      onResync: load,
    });
    // Subscribe once per poll; later poll reloads must not resubscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, loaded]);

  if (!poll) {
    return (
      <PageRoot id='poll-page'>
        <ErrorNote id='poll-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  function onCast(slot: DeliberationVoterSlot, receipt: DeliberationBallotReceipt) {
    setMine((prev) => prev && { ...prev, slots: prev.slots.map((s) => (slotKey(s) === slotKey(slot) ? { ...s, current: receipt } : s)) });
    setVoted(true);
    if (!poll!.hideResultsUntilClose) load();
  }

  const open = poll.status === 'open';
  const lastReceipt = mine?.slots.find((s) => s.current)?.current?.receipt ?? '';
  return (
    <PageRoot id='poll-page'>
      <Text id='poll-title' className='hero'>
        {poll.title}
      </Text>
      <View>
        <Text id='poll-status' className={`delib-status poll-status-${poll.status}${poll.status === 'closed' ? ' delib-status--done' : ''}`}>
          {DELIBERATION_POLL_STATUS_LABELS[poll.status]}
        </Text>
        <Text className='muted-inline'>
          {DELIBERATION_SCOPE_LABELS[poll.scope.kind]} · {poll.type === 'multiple' ? `多选，最多 ${poll.maxChoices} 项` : TYPE_HINTS[poll.type]}
        </Text>
      </View>
      <Text className='delib-meta'>
        {formatShanghaiTime(poll.opensAt)} 至 {formatShanghaiTime(poll.closesAt)}
        {open ? `（${timeLeft(poll.closesAt, new Date())}）` : ''}
      </Text>
      {poll.ownerMatter && (
        <Text className='delib-meta'>
          《民法典》第二百七十八条第一款第 {OWNER_MATTERS[poll.ownerMatter].item} 项：{OWNER_MATTERS[poll.ownerMatter].label}。须专有部分面积和业主人数均三分之二以上参与，
          {OWNER_MATTERS[poll.ownerMatter].agreement === 'special' ? '参与者四分之三以上同意' : '参与者过半数同意'}。
        </Text>
      )}
      <Text className='delib-meta'>有投票权：{poll.eligibleCount} {poll.ownerMatter ? '户（专有部分）' : '人'}；可在截止前修改投票，以最后一次为准。</Text>
      <ErrorNote id='poll-error' message={error} />

      {poll.status === 'closed' && poll.result && (
        <View>
          <Text className='section-title'>表决结果</Text>
          <PollResultCard poll={poll} result={poll.result} />
        </View>
      )}

      {poll.status !== 'closed' && (
        <View>
          <Text className='section-title'>实时票数</Text>
          {counts ? (
            <View id='poll-counts' className='card'>
              <OptionBars rows={optionRows(poll, counts)} idPrefix='poll-count' />
              <Text className='delib-meta'>
                已投票 {counts.voters} / {poll.eligibleCount}
              </Text>
            </View>
          ) : (
            <Text id='poll-counts-hidden' className='muted'>
              {poll.hideResultsUntilClose ? '本投票在结束前不公开票数，结束后在公告栏公示。' : '暂无票数。'}
            </Text>
          )}
        </View>
      )}

      {open && !current && <SignInNote id='poll-sign-in' text='登录并认证为居民后可以投票；游客可以查看票数和结果。' />}
      {open && mine && !mine.eligible && (
        <Text id='poll-not-eligible' className='muted'>
          你不能参加这次投票：{mine.reason ?? '不在表决范围内'}
        </Text>
      )}
      {mine && mine.slots.length > 0 && (
        <View>
          <Text className='section-title'>我的投票</Text>
          {mine.slots.map((slot) =>
            open ? (
              <SlotBallot key={slotKey(slot)} poll={poll} slot={slot} onCast={onCast} onStale={loadMine} />
            ) : (
              slot.current && (
                <View key={slotKey(slot)} id={`ballot-${slotKey(slot)}`} className='card'>
                  <Text className='card__title'>{slot.label}</Text>
                  <Text className='delib-ok'>已投：{describeChoice(poll, slot.current.choice)}</Text>
                  <Text className='delib-receipt ballot-receipt'>{groupReceipt(slot.current.receipt)}</Text>
                </View>
              )
            ),
          )}
        </View>
      )}

      <ResultSubscriptionOffer pollId={poll.id} voted={voted && open} signedIn={!!current} />

      <ReceiptChecker pollId={poll.id} initial={lastReceipt} />
      <View id='poll-deliberation' className='link-row' onClick={() => Taro.navigateTo({ url: `/pages/deliberations/detail/index?id=${poll.deliberationId}` })}>
        <Text>查看议事讨论</Text>
        <Text className='chevron'>›</Text>
      </View>
    </PageRoot>
  );
}
