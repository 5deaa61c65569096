import type {
  CaseAction,
  CaseActionRequests,
  CaseDetail,
  CaseHandlerCandidate,
  CaseInboxPage,
  CaseInboxQuery,
  CaseOutcome,
  CaseOutcomesQuery,
  CasePage,
  CaseMineItem,
  CasePageQuery,
  CaseView,
  CategorySummary,
  DepartmentSummary,
  GridDetail,
  NearbyCase,
  NearbyCasesQuery,
  SubmitReportRequest,
} from '@linli/shared';
import type { ApiClient } from './api-client';
import { api } from './index';

function query(params: object): string {
  const pairs = Object.entries(params as Record<string, string | number | undefined>)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Snap-and-report (随手拍) calls, on the shared contract in shared/src/api/cases.ts. */
export class CasesApi {
  constructor(private readonly client: Pick<ApiClient, 'request'>) {}

  submit(report: SubmitReportRequest): Promise<CaseDetail> {
    return this.client.request('POST', '/api/cases', report);
  }

  nearby(params: NearbyCasesQuery): Promise<NearbyCase[]> {
    return this.client.request('GET', `/api/cases/nearby${query(params)}`);
  }

  /** 我也遇到; the answer is the case as the caller may now see it (its public view, for a neighbour). */
  follow(caseId: number): Promise<CaseView> {
    return this.client.request('POST', `/api/cases/${caseId}/follow`);
  }

  mine(params: CasePageQuery = {}): Promise<CasePage<CaseMineItem>> {
    return this.client.request('GET', `/api/cases/mine${query(params)}`);
  }

  /** The whole case (view 'full') or, for a follower, its public view (view 'public'). */
  detail(caseId: number): Promise<CaseView> {
    return this.client.request('GET', `/api/cases/${caseId}`);
  }

  act<A extends CaseAction>(caseId: number, action: A, body: CaseActionRequests[A]): Promise<CaseDetail> {
    return this.client.request('POST', `/api/cases/${caseId}/actions/${action}`, body);
  }

  /** 转派: who the case may be handed to (for its dispatchers and supervisors). */
  handlerCandidates(caseId: number): Promise<CaseHandlerCandidate[]> {
    return this.client.request('GET', `/api/cases/${caseId}/handler-candidates`);
  }

  inbox(params: CaseInboxQuery = {}): Promise<CaseInboxPage> {
    return this.client.request('GET', `/api/inbox${query(params)}`);
  }

  outcomes(params: CaseOutcomesQuery): Promise<CasePage<CaseOutcome>> {
    return this.client.request('GET', `/api/cases/outcomes${query(params)}`);
  }

  grids(communityId: number): Promise<GridDetail[]> {
    return this.client.request('GET', `/api/org/grids${query({ communityId })}`);
  }

  categories(): Promise<CategorySummary[]> {
    return this.client.request('GET', '/api/org/categories');
  }

  departments(): Promise<DepartmentSummary[]> {
    return this.client.request('GET', '/api/org/departments');
  }
}

export const casesApi = new CasesApi(api);
