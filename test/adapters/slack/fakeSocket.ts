import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode end, faked on 127.0.0.1: the app gets this server's ws:// URL from apps.connections.open
 * (FakeSlack answers it), connects, is greeted with `hello`, and then receives envelopes (slash_commands,
 * interactive, events_api) that it must acknowledge with their envelope_id within 3 seconds, as Slack requires.
 */
export interface Ack {
  envelope_id: string;
  payload?: Record<string, any>;
}

export class FakeSocketMode {
  /** Every message the app sent on the socket, in order (acks). */
  readonly received: Ack[] = [];
  /** How many times the app connected. */
  connections = 0;
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: Ack) => void>();
  private connected: Promise<void>;
  private onConnected!: () => void;
  url = '';

  constructor() {
    this.connected = new Promise((resolve) => (this.onConnected = resolve));
  }

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.server!.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link/?ticket=fake`;
    this.server.on('connection', (socket) => {
      this.connections++;
      this.socket = socket;
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Ack;
        this.received.push(ack);
        this.waiting.get(ack.envelope_id)?.(ack);
        this.waiting.delete(ack.envelope_id);
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' }, debug_info: { host: 'fake' } }));
      this.onConnected();
    });
    return this;
  }

  /** Resolves once the app has connected and been greeted. */
  ready(): Promise<void> {
    return this.connected;
  }

  /**
   * Sends an envelope and resolves with the app's ack; rejects when none comes within `withinMs` (Slack's 3 s).
   */
  async send(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown, extra: Record<string, unknown> = {}, withinMs = 3000): Promise<Ack> {
    if (!this.socket) throw new Error('the app is not connected');
    const envelopeId = randomUUID();
    const acked = new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`no ack for ${type} envelope within ${withinMs} ms`));
      }, withinMs);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    this.socket.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
    return acked;
  }

  /** Asks the app to reconnect, as Slack does when it recycles a connection. */
  askToReconnect(): void {
    this.connected = new Promise((resolve) => (this.onConnected = resolve));
    this.socket?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested' }));
  }

  async stop(): Promise<void> {
    for (const client of this.server?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
