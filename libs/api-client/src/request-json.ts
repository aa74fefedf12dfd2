// Specs inspect whatever JSON came back, and a script names the shape it reads (`accepted<CaseView>`):
// a type here would only restate them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: AnyJson;
}

/** One request, answered as it came, a 429 included: the specs of the rate limiter look for it. */
export async function requestJson(
  url: string,
  init: { method?: string; body?: unknown; form?: FormData; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined && init.form === undefined ? 'GET' : 'POST'),
    // A form sets its own multipart content type, boundary included.
    headers: { ...(init.form === undefined && { 'content-type': 'application/json' }), ...init.headers },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    ...(init.form !== undefined && { body: init.form }),
  });
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) {
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }
  const text = await response.text();
  const json = type.includes('json');
  return {
    status: response.status,
    headers: response.headers,
    body: text && json ? (JSON.parse(text) as unknown) : text || undefined,
  };
}
