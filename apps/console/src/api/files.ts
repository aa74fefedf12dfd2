import { ApiError, toApiError } from './api-error';
import { tokenStore } from './client';

const authorization = (): Record<string, string> => {
  const token = tokenStore.get();
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(new URL(path, window.location.origin), { ...init, headers: authorization() });
  } catch {
    throw new ApiError(0, undefined, 'network');
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  throw toApiError(response.status, body);
}

/**
 * An .xlsx sent as the multipart field `file`. openapi-fetch would serialise the body as JSON, and
 * the browser must set the multipart boundary itself.
 */
export async function uploadSheet<Body>(path: string, file: File): Promise<Body> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send(path, { method: 'POST', body: form });
  return (await response.json()) as Body;
}

/** A file the api makes (a 名单, the 公示 text), saved under the name the office will recognise. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const response = await send(path, { method: 'GET' });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The 公示 text, shown before it is saved. */
export async function fetchText(path: string): Promise<string> {
  return (await send(path, { method: 'GET' })).text();
}
