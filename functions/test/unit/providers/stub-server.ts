/**
 * A loopback HTTP server (127.0.0.1, random port) that plays the part of a provider's API in tests:
 * it records every request and answers with scripted replies, or never answers (`'hang'`).
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';

export interface StubRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type StubReply = { status: number; headers?: Record<string, string>; body?: string | object } | 'hang';

export type StubHandler = (request: StubRequest, index: number) => StubReply;

export class StubServer {
  readonly requests: StubRequest[] = [];
  private handler: StubHandler = () => ({ status: 500, body: { error: 'no reply scripted' } });
  private readonly hanging: ServerResponse[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<StubServer> {
    const server = createServer();
    const stub = new StubServer(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const request: StubRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        stub.requests.push(request);
        stub.answer(stub.handler(request, stub.requests.length - 1), res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('stub server is not listening');
    return address.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Answer requests in order with these replies; the last one repeats. */
  script(...replies: StubReply[]): void {
    this.handler = (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 500 };
  }

  /** Answer each request by a function of the request. */
  respond(handler: StubHandler): void {
    this.handler = handler;
  }

  reset(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(reply: StubReply, res: ServerResponse): void {
    if (reply === 'hang') {
      this.hanging.push(res);
      return;
    }
    const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const headers: Record<string, string> = {
      ...(typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    };
    res.writeHead(reply.status, headers);
    res.end(body);
  }
}

/**
 * A clock whose sleep records the delay and returns at once; `now` is real time plus the time "slept", so
 * deadlines measured with real timers and skipped waits stay consistent. Jitter is fixed at one half.
 */
export function fakeClock(): { now: () => number; random: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let slept = 0;
  const sleeps: number[] = [];
  return {
    now: () => Date.now() + slept,
    random: () => 0.5,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      slept += ms;
    },
    sleeps,
  };
}
