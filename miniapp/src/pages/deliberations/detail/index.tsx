import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  DELIBERATION_POLL_STATUS_LABELS,
  DELIBERATION_SCOPE_LABELS,
  DELIBERATION_STATUS_LABELS,
  type DeliberationCommentOrder,
  type DeliberationCommentView,
  type DeliberationView,
} from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { PhotoPicker } from '../../../components/photo-picker';
import { usePhotoQueue } from '../../../components/use-photo-queue';
import { newIdempotencyKey } from '../poll/idempotency-key';
import { PageRoot } from '../../../components/page-root';
import { useSession } from '../../../hooks/use-session';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { deliberationActionsFor } from '../deliberation-access';
import { formatShanghaiTime, timeLeft } from '../parts/deliberation-time';
import { DELIBERATION_PHOTOS_MAX } from '../parts/photo-links';
import { DeliberationPhotoThumbs } from '../parts/photo-thumbs';
import { placeOf, useCommunityDirectory } from '../parts/use-community-place';
import { CommentItem, type CommentPermissions } from './comment-thread';
import { toMinutesInput } from './minutes-form';
import '../deliberations.css';

const ORDERS: { order: DeliberationCommentOrder; label: string }[] = [
  { order: 'newest', label: '最新' },
  { order: 'supported', label: '最多赞同' },
];

function MinutesForm({ deliberationId, onSaved }: { deliberationId: number; onSaved: () => void }) {
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const photos = usePhotoQueue(DELIBERATION_PHOTOS_MAX);

  async function save() {
    if (busy) return;
    const { input, error: problem } = toMinutesInput(title, summary, photos.photos, new Date());
    setError(problem ?? null);
    if (!input) return;
    setBusy(true);
    try {
      await deliberationsApi.addMinutes(deliberationId, input);
      setTitle('');
      setSummary('');
      photos.reset();
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id='minutes-form' className='card'>
      <Text className='card__title'>上传会议纪要</Text>
      <Input id='minutes-title' className='field__input' value={title} placeholder='如：3栋加装电梯协商会' onInput={(e) => setTitle(e.detail.value)} />
      <View className='spacer' />
      <Textarea id='minutes-summary' className='delib-textarea' value={summary} placeholder='参会人员、主要意见、形成的共识' onInput={(e) => setSummary(e.detail.value)} />
      <Text className='field__label'>照片（可选：签字的纪要、会议现场）</Text>
      <PhotoPicker id='minutes-photos' photos={photos.photos} max={photos.max} onPick={photos.pick} onRetry={photos.retry} onRemove={photos.remove} />
      <ErrorNote id='minutes-error' message={error} />
      <View id='minutes-submit' className={busy ? 'btn btn--small btn--disabled' : 'btn btn--small'} onClick={save}>
        {busy ? '保存中…' : '保存纪要'}
      </View>
    </View>
  );
}

/** A deliberation: the topic, the discussion thread, minutes of offline meetings and the votes opened on it. */
export default function DeliberationDetail() {
  const current = useSession();
  const id = Number(useRouter().params.id);
  const { directory } = useCommunityDirectory();
  const [deliberation, setDeliberation] = useState<DeliberationView | null>(null);
  const [order, setOrder] = useState<DeliberationCommentOrder>('newest');
  const [comments, setComments] = useState<DeliberationCommentView[] | null>(null);
  const [draft, setDraft] = useState('');
  /** The comment being sent and its Idempotency-Key, until the server has it. */
  const pending = useRef<{ body: string; parentId: number | undefined; key: string } | null>(null);
  const [replyTo, setReplyTo] = useState<DeliberationCommentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [commentError, setCommentError] = useState<string | null>(null);
  const [addingMinutes, setAddingMinutes] = useState(false);

  const load = useCallback(() => {
    deliberationsApi
      .deliberation(id)
      .then(setDeliberation)
      .catch((err) => setError(errorMessage(err)));
  }, [id]);
  const loadComments = useCallback(() => {
    deliberationsApi
      .comments(id, { order, pageSize: 50 })
      .then((page) => setComments(page.items))
      .catch((err) => setCommentError(errorMessage(err)));
  }, [id, order]);

  useEffect(load, [load, current]);
  useEffect(loadComments, [loadComments, current]);
  useDidShow(load);

  async function send() {
    const body = draft.trim();
    if (!body) return setCommentError('请先写下你的意见');
    setCommentError(null);
    // The same words sent again (the answer was lost) keep their key, so the comment is posted once.
    const parentId = replyTo?.id;
    if (!pending.current || pending.current.body !== body || pending.current.parentId !== parentId) {
      pending.current = { body, parentId, key: newIdempotencyKey() };
    }
    try {
      await deliberationsApi.comment(id, parentId !== undefined ? { body, parentId } : { body }, pending.current.key);
      pending.current = null;
      setDraft('');
      setReplyTo(null);
      loadComments();
    } catch (err) {
      setCommentError(errorMessage(err));
    }
  }

  if (!deliberation) {
    return (
      <PageRoot id='deliberation-detail-page'>
        <ErrorNote id='deliberation-error' message={error} />
        {!error && <Text className='muted'>加载中…</Text>}
      </PageRoot>
    );
  }

  const place = directory ? placeOf(directory, deliberation.communityId) : null;
  const actions = place ? deliberationActionsFor(current?.user ?? null, place, deliberation.scope) : null;
  const can: CommentPermissions = {
    signedIn: !!current,
    canParticipate: !!actions?.canParticipate,
    canManage: !!actions?.canManage,
    discussionOpen: deliberation.discussionOpen,
  };
  const go = (url: string) => Taro.navigateTo({ url });

  return (
    <PageRoot id='deliberation-detail-page'>
      <Text id='deliberation-title' className='hero'>
        {deliberation.title}
      </Text>
      <View>
        <Text id='deliberation-status' className='delib-status'>
          {DELIBERATION_STATUS_LABELS[deliberation.status]}
        </Text>
        <Text className='muted-inline'>
          {DELIBERATION_SCOPE_LABELS[deliberation.scope.kind]}
          {deliberation.scope.building ? ` · ${deliberation.scope.building}` : ''}
        </Text>
      </View>
      <Text className='delib-meta'>
        讨论截止 {formatShanghaiTime(deliberation.discussionEndsAt)}（{deliberation.discussionOpen ? timeLeft(deliberation.discussionEndsAt, new Date()) : '讨论已结束'}）
      </Text>
      <View className='card'>
        <Text className='delib-body'>{deliberation.topic.body}</Text>
        <DeliberationPhotoThumbs id='deliberation-topic-photos' photoIds={deliberation.topic.photoIds} />
        <Text className='delib-meta'>
          {deliberation.topic.proposerName} 提出 · {deliberation.topic.supportCount} 人附议
        </Text>
      </View>

      <Text className='section-title'>投票表决</Text>
      {deliberation.polls.length === 0 && <Text className='muted'>尚未发起投票。</Text>}
      {deliberation.polls.map((poll) => (
        <View key={poll.id} id={`delib-poll-${poll.id}`} className='card delib-poll' onClick={() => go(`/pages/deliberations/poll/index?id=${poll.id}`)}>
          <View className='row'>
            <Text className='card__title'>{poll.title}</Text>
            <Text className='chevron'>›</Text>
          </View>
          <Text className={`delib-status delib-poll-status-${poll.status}`}>{DELIBERATION_POLL_STATUS_LABELS[poll.status]}</Text>
          <Text className='delib-meta'>
            {formatShanghaiTime(poll.opensAt)} 至 {formatShanghaiTime(poll.closesAt)}
          </Text>
        </View>
      ))}
      {actions?.canManage && deliberation.status !== 'concluded' && (
        <View id='delib-new-poll' className='btn btn--ghost' onClick={() => go(`/pages/deliberations/new-poll/index?deliberationId=${deliberation.id}`)}>
          发起投票
        </View>
      )}

      <Text className='section-title'>会议纪要</Text>
      {deliberation.minutes.length === 0 && <Text className='muted'>暂无线下会议纪要。</Text>}
      {deliberation.minutes.map((m) => (
        <View key={m.id} className={`card minutes-${m.id}`}>
          <Text className='card__title'>{m.title}</Text>
          <Text className='delib-meta'>{formatShanghaiTime(m.heldAt)}</Text>
          <Text className='delib-body'>{m.summary}</Text>
          <DeliberationPhotoThumbs id={`minutes-${m.id}-photos`} photoIds={m.photoIds} />
        </View>
      ))}
      {actions?.canManage &&
        (addingMinutes ? (
          <MinutesForm
            deliberationId={deliberation.id}
            onSaved={() => {
              setAddingMinutes(false);
              load();
            }}
          />
        ) : (
          <View id='minutes-add' className='btn btn--ghost btn--small' onClick={() => setAddingMinutes(true)}>
            上传会议纪要
          </View>
        ))}

      <Text className='section-title'>讨论（{deliberation.commentCount}）</Text>
      <View className='choices'>
        {ORDERS.map((o) => (
          <View key={o.order} id={`comments-order-${o.order}`} className={`choice${order === o.order ? ' choice--on' : ''}`} onClick={() => setOrder(o.order)}>
            {o.label}
          </View>
        ))}
      </View>

      {can.canParticipate && deliberation.discussionOpen && (
        <View id='comment-form' className='card'>
          {replyTo && (
            <View className='row'>
              <Text className='muted-inline'>回复 {replyTo.authorName}</Text>
              <Text className='delib-action' onClick={() => setReplyTo(null)}>
                取消回复
              </Text>
            </View>
          )}
          <Textarea id='comment-body' className='delib-textarea' value={draft} placeholder='说说你的看法，文明理性' onInput={(e) => setDraft(e.detail.value)} />
          <View id='comment-submit' className='btn btn--small' onClick={send}>
            发表
          </View>
        </View>
      )}
      {!can.canParticipate && actions && deliberation.discussionOpen && <Text className='muted'>参与讨论：{actions.participateHint}</Text>}
      <ErrorNote id='comment-error' message={commentError} />

      <View className='card'>
        {comments === null && <Text className='muted'>加载中…</Text>}
        {comments?.length === 0 && (
          <Text id='comments-empty' className='muted'>
            还没有人发言。
          </Text>
        )}
        {comments?.map((comment) => (
          <CommentItem key={comment.id} comment={comment} can={can} onReply={setReplyTo} onChanged={loadComments} />
        ))}
      </View>
      <ErrorNote id='deliberation-error' message={error} />
    </PageRoot>
  );
}
