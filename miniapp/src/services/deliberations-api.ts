import Taro from '@tarojs/taro';
import {
  IDEMPOTENCY_HEADER,
  liveRoom,
  DELIBERATION_BULLETIN_ROOM_KIND,
  type DeliberationBallotInput,
  type DeliberationBallotReceipt,
  type DeliberationBulletinPage,
  type DeliberationChainView,
  type DeliberationCommentHideInput,
  type DeliberationCommentInput,
  type DeliberationCommentListQuery,
  type DeliberationCommentReportInput,
  type DeliberationCommentReportListQuery,
  type DeliberationCommentView,
  type DeliberationMinutesInput,
  type DeliberationMinutesView,
  type DeliberationOpenInput,
  type DeliberationPage,
  type DeliberationPollInput,
  type DeliberationPollMeView,
  type DeliberationPollView,
  type DeliberationReceiptCheck,
  type DeliberationReportDismissInput,
  type DeliberationReportedCommentView,
  type DeliberationReviewInput,
  type DeliberationSupportView,
  type DeliberationTopicInput,
  type DeliberationTopicListQuery,
  type DeliberationTopicView,
  type DeliberationView,
} from '@linli/shared';
import { ApiClient, type Transport } from './api-client';
import { apiBaseUrl } from './api-base';
import { api, session } from './index';
import { createRealtimeClient, taroWebSocketTransport, type RealtimeClient } from './realtime-client';
import { taroTransport } from './taro-adapters';

function query(params: Record<string, string | number | boolean | undefined>): string {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '' && value !== false)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value === true ? '1' : String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

const baseUrl = apiBaseUrl(process.env.TARO_ENV, process.env.TARO_APP_API_BASE);

/** A transport that adds headers to every request it sends (the shared client has no per-call headers). */
function withHeaders(transport: Transport, extra: Record<string, string>): Transport {
  return (request) => transport({ ...request, headers: { ...request.headers, ...extra } });
}

/** The deliberation and voting endpoints (shared/src/api/deliberations.ts), on the app's one API client. */
export const deliberationsApi = {
  topics(communityId: number, params: DeliberationTopicListQuery = {}): Promise<DeliberationPage<DeliberationTopicView>> {
    return api.request('GET', `/api/communities/${communityId}/topics${query({ ...params })}`);
  },
  topic(id: number): Promise<DeliberationTopicView> {
    return api.request('GET', `/api/topics/${id}`);
  },
  propose(communityId: number, input: DeliberationTopicInput): Promise<DeliberationTopicView> {
    return api.request('POST', `/api/communities/${communityId}/topics`, input);
  },
  support(topicId: number, on: boolean): Promise<DeliberationSupportView> {
    return api.request(on ? 'POST' : 'DELETE', `/api/topics/${topicId}/support`);
  },
  review(topicId: number, input: DeliberationReviewInput): Promise<DeliberationTopicView> {
    return api.request('POST', `/api/topics/${topicId}/review`, input);
  },
  openDeliberation(topicId: number, input: DeliberationOpenInput): Promise<DeliberationView> {
    return api.request('POST', `/api/topics/${topicId}/deliberations`, input);
  },
  deliberation(id: number): Promise<DeliberationView> {
    return api.request('GET', `/api/deliberations/${id}`);
  },
  addMinutes(deliberationId: number, input: DeliberationMinutesInput): Promise<DeliberationMinutesView> {
    return api.request('POST', `/api/deliberations/${deliberationId}/minutes`, input);
  },
  comments(deliberationId: number, params: DeliberationCommentListQuery = {}): Promise<DeliberationPage<DeliberationCommentView>> {
    return api.request('GET', `/api/deliberations/${deliberationId}/comments${query({ ...params })}`);
  },
  /** One key per intended comment: a resend of the same words after a lost answer gets the first comment back. */
  comment(deliberationId: number, input: DeliberationCommentInput, idempotencyKey: string): Promise<DeliberationCommentView> {
    const client = new ApiClient({ baseUrl, session, transport: withHeaders(taroTransport, { [IDEMPOTENCY_HEADER]: idempotencyKey }) });
    return client.request('POST', `/api/deliberations/${deliberationId}/comments`, input);
  },
  supportComment(commentId: number, on: boolean): Promise<DeliberationSupportView> {
    return api.request(on ? 'POST' : 'DELETE', `/api/comments/${commentId}/support`);
  },
  hideComment(commentId: number, input: DeliberationCommentHideInput): Promise<DeliberationCommentView> {
    return api.request('POST', `/api/comments/${commentId}/hide`, input);
  },
  reportComment(commentId: number, input: DeliberationCommentReportInput): Promise<unknown> {
    return api.request('POST', `/api/comments/${commentId}/report`, input);
  },
  /** The committee's queue of reported comments (举报处理). */
  commentReports(communityId: number, params: DeliberationCommentReportListQuery = {}): Promise<DeliberationPage<DeliberationReportedCommentView>> {
    return api.request('GET', `/api/communities/${communityId}/comment-reports${query({ ...params })}`);
  },
  dismissReports(commentId: number, input: DeliberationReportDismissInput): Promise<DeliberationReportedCommentView> {
    return api.request('POST', `/api/comments/${commentId}/reports/dismiss`, input);
  },
  openPoll(deliberationId: number, input: DeliberationPollInput): Promise<DeliberationPollView> {
    return api.request('POST', `/api/deliberations/${deliberationId}/polls`, input);
  },
  poll(id: number): Promise<DeliberationPollView> {
    return api.request('GET', `/api/polls/${id}`);
  },
  pollMe(id: number): Promise<DeliberationPollMeView> {
    return api.request('GET', `/api/polls/${id}/me`);
  },
  /** One key per intended ballot: a retry of the same tap reuses it and gets the first receipt back. */
  castBallot(pollId: number, input: DeliberationBallotInput, idempotencyKey: string): Promise<DeliberationBallotReceipt> {
    const client = new ApiClient({ baseUrl, session, transport: withHeaders(taroTransport, { [IDEMPOTENCY_HEADER]: idempotencyKey }) });
    return client.request('POST', `/api/polls/${pollId}/ballots`, input);
  },
  checkReceipt(pollId: number, receipt: string): Promise<DeliberationReceiptCheck> {
    return api.request('GET', `/api/polls/${pollId}/receipts/${encodeURIComponent(receipt.trim())}`);
  },
  chain(pollId: number): Promise<DeliberationChainView> {
    return api.request('GET', `/api/polls/${pollId}/chain`);
  },
  bulletin(communityId: number, page = 1, pageSize = 20): Promise<DeliberationBulletinPage> {
    return api.request('GET', `/api/communities/${communityId}/bulletin${query({ page, pageSize })}`);
  },
};

let live: RealtimeClient | null = null;

/** The live channel for poll counts and the bulletin board; one socket for the whole app, opened on first use. */
export function deliberationsLive(): RealtimeClient {
  if (!live) {
    live = createRealtimeClient({
      baseUrl,
      token: () => session.token(),
      ...(process.env.TARO_ENV === 'h5' ? {} : { transports: [taroWebSocketTransport(Taro.connectSocket)] }),
    });
  }
  return live;
}

export const pollRoom = (pollId: number): string => liveRoom('poll', pollId);
export const bulletinRoom = (communityId: number): string => liveRoom(DELIBERATION_BULLETIN_ROOM_KIND, communityId);
