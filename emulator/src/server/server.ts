// The emulator's one listening socket. Each connection's first bytes decide its protocol: the
// HTTP/2 preface (`PRI * HTTP/2.0`, which gRPC sends with prior knowledge) goes to the gRPC server,
// anything else to the HTTP/1.1 REST handler. Binds 127.0.0.1 by default; port 0 picks a free port.

import * as grpc from '@grpc/grpc-js';
import { createServer as createHttpServer } from 'node:http';
import { type Server as NetServer, type Socket, createServer as createNetServer } from 'node:net';
import { Backend, type BackendOptions } from './backend';
import { firestoreImplementation } from './grpc';
import { firestoreService } from './proto';
import { type TriggerSink, restHandler } from './rest';

export interface ServerOptions {
  host?: string;
  port?: number;
  backend?: Backend;
  /** Used when no backend is given. */
  backendOptions?: BackendOptions;
  /** Receives trigger registrations sent to the REST endpoint. */
  triggers?: TriggerSink;
}

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  readonly backend: Backend;
  /** `host:port`, the value for FIRESTORE_EMULATOR_HOST. */
  readonly address: string;
  /**
   * Stops accepting connections, lets calls in flight finish for at most `graceMs` (default
   * CLOSE_GRACE_MS), then cuts every connection left, open Listen and Write streams included.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long calls in flight may take to finish when the server closes. */
export const CLOSE_GRACE_MS = 250;

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0');

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const backend = options.backend ?? new Backend(options.backendOptions);
  const grpcServer = new grpc.Server({ 'grpc.max_receive_message_length': 64 * 1024 * 1024, 'grpc.max_send_message_length': 64 * 1024 * 1024 });
  grpcServer.addService(firestoreService(), firestoreImplementation(backend));
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const http1 = createHttpServer({ keepAliveTimeout: 5000 }, restHandler(backend, options.triggers));
  const sockets = new Set<Socket>();

  const route = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const n = Math.min(head.length, H2_PREFACE.length);
      const isH2 = head.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      if (isH2 && head.length < H2_PREFACE.length) return;
      socket.off('data', onData);
      socket.pause();
      socket.unshift(head);
      // Both servers read what was unshifted: http2 drains the buffer on its next tick, the
      // HTTP/1.1 parser once the socket flows again.
      if (isH2) injector.injectConnection(socket);
      else {
        http1.emit('connection', socket);
        socket.resume();
      }
    };
    socket.on('data', onData);
  };

  const front: NetServer = createNetServer(route);
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port ?? 8080, host, () => {
      front.off('error', reject);
      resolve();
    });
  });
  const bound = front.address();
  const port = typeof bound === 'object' && bound ? bound.port : (options.port ?? 8080);
  const displayHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    host,
    port,
    backend,
    address: `${displayHost}:${port}`,
    close(graceMs = CLOSE_GRACE_MS) {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => front.close(() => resolve()));
        // Idle connections go at once (gRPC sessions get a GOAWAY, keep-alive HTTP/1.1 sockets
        // close); calls in flight get the grace period. Listen and Write streams never end by
        // themselves, so whatever is still open then is cut.
        http1.closeIdleConnections();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          grpcServer.tryShutdown(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        backend.close();
        injector.destroy();
        grpcServer.forceShutdown();
        http1.close();
        for (const socket of sockets) socket.destroy();
        await closed;
      })();
      return closing;
    },
  };
}
