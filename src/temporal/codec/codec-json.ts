import type { Payload, PayloadCodec } from '@temporalio/common';

/** A payload as the codec server protocol carries it: proto3 JSON, metadata values and data in base64. */
export interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

/**
 * Encodes or decodes JSON payloads with `codecs`, as a codec server does: encoding applies them in order, decoding in
 * reverse, like the SDK's data converter.
 */
export async function transcodeJson(
  codecs: readonly PayloadCodec[],
  action: 'encode' | 'decode',
  payloads: readonly JsonPayload[],
): Promise<JsonPayload[]> {
  let result = payloads.map(fromJson);
  for (const codec of action === 'encode' ? codecs : [...codecs].reverse()) result = await codec[action](result);
  return result.map(toJson);
}

function fromJson({ metadata, data }: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  };
}

function toJson({ metadata, data }: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
    ),
    data: Buffer.from(data ?? []).toString('base64'),
  };
}
