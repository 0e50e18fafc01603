import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

// A real HTTP server for subscriptions, started by the tests: it serves schedules with ETag and Last-Modified,
// answers conditional requests with 304, counts every request, and can misbehave in each way a server does.

export type Misbehaviour =
  | { kind: 'status'; status: number }
  /** An HTML page (an error or sign-in page) with status 200. */
  | { kind: 'html' }
  | { kind: 'redirect'; to: string }
  /** 60 MB, sent in chunks without a length, for as long as the client reads. */
  | { kind: 'huge' }
  /** Never answers. */
  | { kind: 'hang' }
  /** Says the whole length, sends half, and closes. */
  | { kind: 'truncate' };

export interface ScheduleServer {
  origin: string;
  url(path: string): string;
  /** Serves `body` at `path` from now on, with a new ETag and Last-Modified. */
  serve(path: string, body: string | Buffer, type?: string): void;
  misbehave(path: string, how: Misbehaviour | undefined): void;
  /** Every request received, in order. */
  requests: Array<{ path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

const TLS = new URL('./fixtures/tls/', import.meta.url);

/** Starts a server on 127.0.0.1 (HTTPS with the tests' self-signed certificate, if asked). */
export async function startScheduleServer(options: { tls?: boolean } = {}): Promise<ScheduleServer> {
  const files = new Map<string, { body: Buffer; type: string; etag: string; lastModified: string }>();
  const misbehaviours = new Map<string, Misbehaviour>();
  const requests: ScheduleServer['requests'] = [];
  const hanging = new Set<ServerResponse>();

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: request.headers });
    const how = misbehaviours.get(path);
    if (how?.kind === 'status') return void response.writeHead(how.status, { 'Content-Type': 'text/plain' }).end('no');
    if (how?.kind === 'html')
      return void response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><body><form>Sign in</form></body></html>');
    if (how?.kind === 'redirect') return void response.writeHead(302, { Location: how.to }).end();
    if (how?.kind === 'hang') return void hanging.add(response);
    if (how?.kind === 'huge') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(1 << 20, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 60 && response.write(chunk)) sent++;
        if (sent >= 60) response.end();
        else
          response.once('drain', () => {
            sent++;
            more();
          });
      };
      response.on('close', () => (sent = 60));
      return more();
    }
    const file = files.get(path);
    if (!file) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    if (how?.kind === 'truncate') {
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': String(file.body.length) });
      response.write(file.body.subarray(0, file.body.length >> 1));
      return void setTimeout(() => response.destroy(), 50);
    }
    const validators = { ETag: file.etag, 'Last-Modified': file.lastModified };
    if (request.headers['if-none-match'] === file.etag) return void response.writeHead(304, validators).end();
    response.writeHead(200, { ...validators, 'Content-Type': file.type, 'Content-Length': String(file.body.length) });
    response.end(file.body);
  };

  const server: Server = options.tls
    ? createHttpsServer(
        {
          key: readFileSync(new URL('localhost-key.pem', TLS)),
          cert: readFileSync(new URL('localhost-cert.pem', TLS)),
        },
        handle,
      )
    : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  let version = 0;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    serve(path, body, type = 'application/xml') {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
      const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
      // Each version a second later than the one before, as a file's modification time would be.
      const lastModified = new Date(Date.UTC(2026, 1, 1) + ++version * 1_000).toUTCString();
      files.set(path, { body: bytes, type, etag, lastModified });
    },
    misbehave(path, how) {
      if (how) misbehaviours.set(path, how);
      else misbehaviours.delete(path);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A small frab schedule, "Freshconf 2026", as a conference publishes it: first without recordings, then with a
 * YouTube recording for each of its first two talks (`recordings`), one talk moved an hour (`rescheduled`), one
 * removed (`withoutLast`), or as another year's conference (`nextYear`).
 */
export function freshconfSchedule(
  options: { recordings?: boolean; rescheduled?: boolean; withoutLast?: boolean; nextYear?: boolean } = {},
): string {
  const year = options.nextYear ? 2027 : 2026;
  const talks = [
    {
      guid: 'f0000000-0000-4000-8000-000000000001',
      title: 'Resharding without downtime',
      video: 'FreshVid001',
      at: '10:00',
    },
    {
      guid: 'f0000000-0000-4000-8000-000000000002',
      title: 'Operators for stateful sets',
      video: 'FreshVid002',
      at: '11:00',
    },
    {
      guid: 'f0000000-0000-4000-8000-000000000003',
      title: 'Query planning in a sharded world',
      video: '',
      at: '12:00',
    },
  ].slice(0, options.withoutLast ? 2 : 3);
  const events = talks.map((talk, n) => {
    const at = options.rescheduled && n === 1 ? '15:00' : talk.at;
    const link =
      options.recordings && talk.video
        ? `<link href="https://www.youtube.com/watch?v=${talk.video}">Video recording</link>`
        : '';
    return `<event guid="${talk.guid}" id="${n + 1}"><date>${year}-05-12T${at}:00+02:00</date><start>${at}</start>
      <title>${talk.title}</title><track>Databases</track><type>lecture</type>
      <persons><person id="${n + 1}">Speaker ${n + 1}</person></persons><links>${link}</links></event>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule><conference><acronym>freshconf${year}</acronym><title>Freshconf ${year}</title><start>${year}-05-12</start></conference>
<day index="1" date="${year}-05-12"><room name="Main">${events.join('\n')}</room></day></schedule>`;
}
