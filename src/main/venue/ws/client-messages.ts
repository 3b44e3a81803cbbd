import { z } from 'zod';

/** A frame a client sends (docs/reference/kucoin-futures.md#ws-ping, #ws-subscribe): ping, subscribe or unsubscribe. */
export const clientMessageSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  type: z.string(),
  topic: z.unknown().optional(),
  privateChannel: z.boolean().optional(),
  response: z.boolean().optional(),
});

/** A parsed client frame. */
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Parses a text frame; `undefined` when it is not a KuCoin client message (the venue answers error 400). */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** `{"id","type":"error","code","data"}` as KuCoin sends it (docs/reference/kucoin-futures.md#ws-subscribe, P-WSERR). */
export function errorFrame(id: string | number | undefined, code: number, data: string): string {
  return JSON.stringify({ id: id ?? '', type: 'error', code, data });
}
