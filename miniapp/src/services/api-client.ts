import type {
  CommunitySummary,
  DevLoginRequest,
  DistrictTree,
  DevUserOption,
  HealthResponse,
  LoginResponse,
  MeResponse,
  ResidencyApplication,
  ResidencyReview,
  ResidencyReviewItem,
  ResidencyStatus,
  ResidencySummary,
  WechatLoginRequest,
} from '@linli/shared';
import { ApiError, networkError, toApiError } from './api-error';
import type { SessionStore } from './session';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  data?: unknown;
}

export interface HttpResponse {
  statusCode: number;
  data: unknown;
}

/** Sends one request; resolves with any HTTP status, rejects only when no response arrived. */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

export interface ApiClientOptions {
  /** '' for same-origin (H5 served by the API server), or an absolute origin such as http://127.0.0.1:3000. */
  baseUrl: string;
  transport: Transport;
  session: SessionStore;
}

function query(params: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** The typed client every page calls; it owns the bearer token and keeps the session in step with the server. */
export class ApiClient {
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** `extraHeaders` carries per-request headers such as `Idempotency-Key` for retry-safe writes. */
  async request<T>(method: HttpMethod, path: string, data?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (data !== undefined) headers['Content-Type'] = 'application/json';
    const token = this.options.session.token();
    if (token) headers.Authorization = `Bearer ${token}`;

    let response: HttpResponse;
    try {
      response = await this.options.transport({ method, url: `${this.baseUrl}${path}`, headers, data });
    } catch {
      throw networkError();
    }

    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
    // A rejected token means the stored session is worthless; dropping it sends pages back to the signed-out view.
    if (response.statusCode === 401) this.options.session.clear();
    throw toApiError(response.statusCode, response.data);
  }

  health(): Promise<HealthResponse> {
    return this.request('GET', '/api/health');
  }

  /** The dev sign-in picker's users, or null when the server has development sign-in switched off (404). */
  async devUsers(): Promise<DevUserOption[] | null> {
    try {
      return await this.request<DevUserOption[]>('GET', '/api/auth/dev-users');
    } catch (err) {
      if (err instanceof ApiError && err.statusCode === 404) return null;
      throw err;
    }
  }

  async signInAsDevUser(userId: number): Promise<LoginResponse> {
    const body: DevLoginRequest = { userId };
    return this.signedIn(await this.request<LoginResponse>('POST', '/api/auth/dev', body));
  }

  async signInWithWechat(code: string): Promise<LoginResponse> {
    const body: WechatLoginRequest = { code };
    return this.signedIn(await this.request<LoginResponse>('POST', '/api/auth/wechat', body));
  }

  signOut(): void {
    this.options.session.clear();
  }

  /** Fetches the profile again (roles or residencies may have changed) and refreshes the stored user. */
  async me(): Promise<MeResponse> {
    const me = await this.request<MeResponse>('GET', '/api/me');
    this.options.session.updateUser(me);
    return me;
  }

  district(): Promise<DistrictTree> {
    return this.request('GET', '/api/org/district');
  }

  communities(streetId?: number): Promise<CommunitySummary[]> {
    return this.request('GET', `/api/org/communities${query({ streetId })}`);
  }

  applyForResidency(application: ResidencyApplication): Promise<ResidencySummary> {
    return this.request('POST', '/api/me/residencies', application);
  }

  residencies(communityId: number, status: ResidencyStatus = 'pending'): Promise<ResidencyReviewItem[]> {
    return this.request('GET', `/api/communities/${communityId}/residencies${query({ status })}`);
  }

  reviewResidency(residencyId: number, review: ResidencyReview): Promise<ResidencySummary> {
    return this.request('POST', `/api/residencies/${residencyId}/review`, review);
  }

  private signedIn(login: LoginResponse): LoginResponse {
    this.options.session.signIn(login.accessToken, login.user, login.expiresIn);
    return login;
  }
}
