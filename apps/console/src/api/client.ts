import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './api-error';
import type { paths } from './openapi';

const TOKEN_KEY = 'talent-console-token';

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();

/** The session hears every 401 and PASSWORD_CHANGE_REQUIRED, wherever the request came from. */
export function onSessionRefused(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const withToken: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(withToken);

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError a page can show; a lost connection becomes status 0. */
export async function call<Body>(request: () => Promise<Answer>): Promise<Body> {
  let answer: Answer;
  try {
    answer = await request();
  } catch {
    throw new ApiError(0, undefined, 'network');
  }
  if (answer.response.ok) return answer.data as Body;
  const error = toApiError(answer.response.status, answer.error);
  if (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED')
    listeners.forEach((listener) => listener(error));
  throw error;
}
