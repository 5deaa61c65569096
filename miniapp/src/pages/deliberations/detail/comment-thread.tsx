import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { DeliberationCommentView } from '@linli/shared';
import { ErrorNote } from '../../../components/error-note';
import { errorMessage } from '../../../services';
import { deliberationsApi } from '../../../services/deliberations-api';
import { formatShanghaiTime } from '../parts/deliberation-time';

export interface CommentPermissions {
  signedIn: boolean;
  canParticipate: boolean;
  canManage: boolean;
  discussionOpen: boolean;
}

type Pending = { kind: 'report' | 'hide'; commentId: number } | null;

interface CommentItemProps {
  comment: DeliberationCommentView;
  can: CommentPermissions;
  onReply: (comment: DeliberationCommentView) => void;
  onChanged: () => void;
}

/** One comment and its replies: support, reply, report abuse; the committee may hide it with a reason. */
export function CommentItem({ comment, can, onReply, onChanged }: CommentItemProps) {
  const [supported, setSupported] = useState({ supportCount: comment.supportCount, supportedByMe: comment.supportedByMe });
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function toggleSupport() {
    setError(null);
    try {
      setSupported(await deliberationsApi.supportComment(comment.id, !supported.supportedByMe));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function confirm() {
    if (!pending) return;
    const text = reason.trim();
    if (!text) return setError(pending.kind === 'hide' ? '请填写隐藏原因，居民会看到' : '请说明举报原因');
    setError(null);
    try {
      if (pending.kind === 'hide') await deliberationsApi.hideComment(comment.id, { reason: text });
      else await deliberationsApi.reportComment(comment.id, { reason: text });
      setPending(null);
      setReason('');
      Taro.showToast({ title: pending.kind === 'hide' ? '已隐藏' : '已举报，居委会将核查', icon: 'none' });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const isReply = comment.parentId !== null;
  return (
    <View id={`comment-${comment.id}`} className={`${isReply ? 'delib-reply' : 'delib-comment'} comment-${comment.id}`}>
      <Text className='delib-meta'>
        {comment.authorName} · {formatShanghaiTime(comment.createdAt)}
      </Text>
      {comment.hidden ? (
        <Text className='delib-hidden comment-hidden'>该发言已被居委会隐藏：{comment.hiddenReason ?? '违反议事规则'}</Text>
      ) : (
        <Text className='delib-body comment-body'>{comment.body}</Text>
      )}
      <View className='delib-actions'>
        {can.canParticipate ? (
          <View id={`comment-support-${comment.id}`} className='delib-action' onClick={toggleSupport}>
            {supported.supportedByMe ? '已赞同' : '赞同'} {supported.supportCount}
          </View>
        ) : (
          <Text className='muted-inline'>赞同 {supported.supportCount}</Text>
        )}
        {!isReply && can.canParticipate && can.discussionOpen && (
          <View id={`comment-reply-${comment.id}`} className='delib-action' onClick={() => onReply(comment)}>
            回复
          </View>
        )}
        {can.signedIn && !comment.hidden && (
          <View id={`comment-report-${comment.id}`} className='delib-action' onClick={() => setPending({ kind: 'report', commentId: comment.id })}>
            举报
          </View>
        )}
        {can.canManage && !comment.hidden && (
          <View id={`comment-hide-${comment.id}`} className='delib-action' onClick={() => setPending({ kind: 'hide', commentId: comment.id })}>
            隐藏
          </View>
        )}
      </View>
      {pending && (
        <View className='field'>
          <Input
            id={`comment-reason-${comment.id}`}
            className='field__input'
            value={reason}
            placeholder={pending.kind === 'hide' ? '隐藏原因（将显示在原处）' : '举报原因'}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='btn-pair'>
            <View id={`comment-reason-confirm-${comment.id}`} className='btn btn--small' onClick={confirm}>
              {pending.kind === 'hide' ? '确认隐藏' : '提交举报'}
            </View>
            <View className='btn btn--ghost btn--small' onClick={() => setPending(null)}>
              取消
            </View>
          </View>
        </View>
      )}
      <ErrorNote message={error} />
      {comment.replies.map((reply) => (
        <CommentItem key={reply.id} comment={reply} can={can} onReply={onReply} onChanged={onChanged} />
      ))}
    </View>
  );
}
