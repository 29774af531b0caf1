import type {
  CallDetail,
  CallMode,
  CallReview,
  CallStatus,
  CallSummary,
  ErrorCode,
  Me,
  Page,
  ScenarioDetail,
  ScenarioInput,
  ScenarioSummary,
  ScenarioUpdate,
  ScenarioDuplicate,
  TryCaller,
  TryCallerReply,
  TraineeHistory,
  AuditEntryView,
  CreatedUser,
  InviteLink,
  Role,
  UserView,
} from './protocol.js';
import type { AssignmentInput, AssignmentView, ClassDashboard, ClassDetail, ClassRole, ClassSummary, TraineeAssignment } from './protocol.js';
import { serverText } from './words.js';

/** A failed request, from REST or from a socket ack; status is 0 when no HTTP status applies. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const codeByStatus: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** What went wrong, for a person: the server's messages are put into words (words.ts). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return serverText(err.message);
  return err instanceof Error ? err.message : String(err);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined | null>;

export type ApiOptions = {
  /** Called on any 401 except from login itself: the session is gone. */
  onUnauthorized?: () => void;
  base?: string;
};

async function readError(res: Response): Promise<ApiError> {
  let code = codeByStatus[res.status] ?? 'internal';
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { code?: ErrorCode; message?: string };
    if (body.code) code = body.code;
    if (body.message) message = body.message;
  } catch {
    // Not JSON (a proxy page, an empty body): keep the status text.
  }
  return new ApiError(res.status, code, message);
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export type ListCallsParams = { status?: CallStatus; traineeId?: string; scenarioId?: string; limit?: number; cursor?: string | null };

export function createApi(options: ApiOptions = {}) {
  const base = options.base ?? '/api/v1';

  async function request<T>(method: Method, path: string, body?: unknown, query?: Query): Promise<T> {
    let res: Response;
    try {
      res = await fetch(base + withQuery(path, query), {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError(0, 'unavailable', `Network error: ${errorMessage(err)}`);
    }
    if (!res.ok) {
      const err = await readError(res);
      if (res.status === 401 && path !== '/auth/login') options.onUnauthorized?.();
      throw err;
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    request,
    login: (email: string, password: string) => request<Me>('POST', '/auth/login', { email, password }),
    logout: () => request<void>('POST', '/auth/logout'),
    /** Who is signed in, or null: never a 401, so a signed-out page load logs no error. */
    session: async () => (await request<{ user: Me | null }>('GET', '/auth/session')).user,

    listScenarios: () => request<ScenarioSummary[]>('GET', '/scenarios'),
    getScenario: (id: string) => request<ScenarioDetail>('GET', `/scenarios/${encodeURIComponent(id)}`),
    createScenario: (input: ScenarioInput) => request<ScenarioDetail>('POST', '/scenarios', input),
    updateScenario: (id: string, update: ScenarioUpdate) =>
      request<ScenarioDetail>('PATCH', `/scenarios/${encodeURIComponent(id)}`, update),
    listArchivedScenarios: () => request<ScenarioSummary[]>('GET', '/scenarios', undefined, { archived: 'true' }),
    duplicateScenario: (id: string, copy: ScenarioDuplicate) => request<ScenarioDetail>('POST', `/scenarios/${encodeURIComponent(id)}/duplicate`, copy),
    archiveScenario: (id: string, archived: boolean) => request<ScenarioDetail>('POST', `/scenarios/${encodeURIComponent(id)}/${archived ? 'archive' : 'restore'}`),
    /** The draft's caller answering the lines so far ("try the caller"); instructors only. */
    tryCaller: (body: TryCaller) => request<TryCallerReply>('POST', '/scenarios/try', body),

    /** A scenario to practise, or an assignment (which decides the scenario and the mode). */
    startCall: (target: { scenarioId: string } | { assignmentId: string }, mode: CallMode = 'practice') =>
      request<CallDetail>('POST', '/calls/start', { ...target, mode }),
    endCall: (id: string, outcome: 'completed' | 'abandoned' | 'transferred' = 'completed') =>
      request<CallDetail>('POST', `/calls/${encodeURIComponent(id)}/end`, { outcome }),
    listCalls: (params: ListCallsParams = {}) => request<Page<CallSummary>>('GET', '/calls', undefined, params),
    getCall: (id: string) => request<CallDetail>('GET', `/calls/${encodeURIComponent(id)}`),
    getReview: (id: string) => request<CallReview>('GET', `/calls/${encodeURIComponent(id)}/review`),
    getTraineeHistory: (id: string) => request<TraineeHistory>('GET', `/trainees/${encodeURIComponent(id)}/history`),

    myAssignments: () => request<TraineeAssignment[]>('GET', '/assignments'),
    listClasses: () => request<ClassSummary[]>('GET', '/classes'),
    createClass: (name: string) => request<ClassSummary>('POST', '/classes', { name }),
    getClass: (id: string) => request<ClassDetail>('GET', `/classes/${encodeURIComponent(id)}`),
    addMember: (id: string, email: string, role: ClassRole) => request<ClassDetail>('POST', `/classes/${encodeURIComponent(id)}/members`, { email, role }),
    removeMember: (id: string, userId: string) => request<ClassDetail>('DELETE', `/classes/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`),
    assign: (id: string, body: AssignmentInput) => request<AssignmentView>('POST', `/classes/${encodeURIComponent(id)}/assignments`, body),
    getDashboard: (id: string) => request<ClassDashboard>('GET', `/classes/${encodeURIComponent(id)}/dashboard`),
    listUsers: () => request<UserView[]>('GET', '/users'),
    createUser: (input: { email: string; name: string; role: Role }) => request<CreatedUser>('POST', '/users', input),
    updateUser: (id: string, change: { role?: Role; disabled?: boolean }) => request<UserView>('PATCH', `/users/${encodeURIComponent(id)}`, change),
    resetPassword: (id: string) => request<InviteLink>('POST', `/users/${encodeURIComponent(id)}/reset`),
    auditLog: () => request<AuditEntryView[]>('GET', '/users/audit'),
    changePassword: (currentPassword: string, newPassword: string) => request<void>('POST', '/users/me/password', { currentPassword, newPassword }),
    /** Whether the login page offers single sign-on (an OpenID Connect provider is configured). */
    ssoEnabled: async () => (await request<{ enabled: boolean }>('GET', '/auth/sso')).enabled,
    checkInvite: (token: string) => request<{ email: string; name: string; expiresAt: string }>('POST', '/users/invites/check', { token }),
    acceptInvite: (token: string, password: string) => request<void>('POST', '/users/invites/accept', { token, password }),
  };
}

export type Api = ReturnType<typeof createApi>;
