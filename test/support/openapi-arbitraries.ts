import fc from 'fast-check';

/** The slice of an OpenAPI 3 document the fuzz reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** An object nested `depth` levels deep: deeper than the api walks. */
const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: nested(depth - 1) });

/** Strings a careless or hostile client sends: what broke the api once, and its relatives. */
const otherHostileStrings = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  '2023-W10-1',
  '2023-123',
  '2023-02-30T10:00:00+08:00',
  '+275760-09-13T00:00:00Z',
  '99999999999999999999',
  '4294967296',
  '-1',
  '0x7e7',
  '1e3',
  'null',
  '',
  ' ',
  '../../etc/passwd',
  "'; DROP TABLE events; --",
  '１３８／１２３４／５６７８',
  '身份证 11010519491231002X',
  'x'.repeat(5000),
  '😀'.repeat(300),
);

// Text PostgreSQL refuses is the likeliest to wedge a case, so it comes up most.
export const hostileString = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('\ud800', 'ok\udfffok', 'a\u0000b', '\u0000') },
  { weight: 2, arbitrary: otherHostileStrings },
);

/** Any JSON value a client could put where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, 99999999999, [], {}),
  },
  { weight: 1, arbitrary: fc.constant(nested(40)) },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{}}}')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function resolve(schema: SchemaObject, document: OpenApiDocument): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document.components?.schemas?.[name] ?? {}, document);
  }
  if (schema.allOf?.length === 1) return resolve(schema.allOf[0]!, document);
  return schema;
}

function stringArbitrary(schema: SchemaObject): fc.Arbitrary<string> {
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  return fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength });
}

/** Values that fit `schema` (or nearly: generated, not validated), with its example among them. */
export function fromSchema(schema: SchemaObject, document: OpenApiDocument, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  const fitting = fittingArbitrary(resolved, document, depth);
  return resolved.example === undefined ? fitting : fc.oneof(fc.constant(resolved.example), fitting);
}

function fittingArbitrary(schema: SchemaObject, document: OpenApiDocument, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, document, depth + 1) : fc.jsonValue(), { maxLength: 3 });
    case 'object':
    case undefined:
      if (!schema.properties || depth > 4)
        return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }));
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties).map(([name, property]) => [
            name,
            fromSchema(property, document, depth + 1),
          ]),
        ),
        { requiredKeys: schema.required ?? [] },
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Container = Record<string, unknown> | unknown[];

/** Every object and array inside `value`, itself included: the places a mutation can land. */
function containersOf(value: unknown): Container[] {
  if (typeof value !== 'object' || value === null) return [];
  const inner = Object.values(value).flatMap(containersOf);
  return [value as Container, ...inner];
}

/** `value` with one field, at any depth, replaced by a hostile value or added under a hostile key. */
export function mutated(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(value, fc.nat(), fc.boolean(), fc.constantFrom('__proto__', 'constructor', 'extra', '\ud800'), hostileValue)
    .map(([original, pick, replace, newKey, hostile]) => {
      const copy: unknown = JSON.parse(JSON.stringify(original ?? null));
      const containers = containersOf(copy);
      if (containers.length === 0) return hostile;
      const target = containers[pick % containers.length]!;
      const keys = Object.keys(target);
      const key = replace && keys.length > 0 ? keys[pick % keys.length]! : newKey;
      // defineProperty, so that a key named __proto__ is data, as JSON.parse would make it.
      Object.defineProperty(target, key, { value: hostile, enumerable: true, configurable: true, writable: true });
      return copy;
    });
}
