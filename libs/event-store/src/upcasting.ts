import type { EventMetadata, JsonObject } from './types';

/** Turns the data of `eventType` at `fromSchemaVersion` into the data of the next version. */
export interface Upcaster {
  eventType: string;
  fromSchemaVersion: number;
  upcast(data: JsonObject, metadata: EventMetadata): JsonObject;
}

/**
 * Stored events are never rewritten (the hash chain covers them as written); an old schema
 * version is upgraded step by step as it is read.
 */
export class UpcasterChain {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.eventType}@${upcaster.fromSchemaVersion}`;
      if (this.steps.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.steps.set(key, upcaster);
    }
  }

  upcast(
    eventType: string,
    schemaVersion: number,
    data: JsonObject,
    metadata: EventMetadata,
  ): { schemaVersion: number; data: JsonObject } {
    let version = schemaVersion;
    let current = data;
    for (let step = this.steps.get(`${eventType}@${version}`); step; step = this.steps.get(`${eventType}@${version}`)) {
      current = step.upcast(current, metadata);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
