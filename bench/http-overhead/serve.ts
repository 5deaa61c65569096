/**
 * The server under test for http-overhead.bench.ts, in a process of its own: the real app (production
 * logging to a discarded stdout, a SQLite file with the demo district and one report), and beside it a bare
 * Fastify server in the same process that calls the same services with none of the app's per-request stack
 * (Nest routing, guards, pipes, interceptors, hooks, request logging), and a bare Nest app doing the same (the
 * framework's own share, for reference). Prints one JSON line with the ports,
 * a token and the case id, then serves until killed.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module, Param, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import Fastify, { type FastifyRequest } from 'fastify';
import { createApp } from '../../server/src/app.factory';
import { AuthUserLoader } from '../../server/src/auth/auth-user-loader';
import { TokenService } from '../../server/src/auth/token.service';
import { CaseQueries } from '../../server/src/cases/case-queries.service';
import { HealthService } from '../../server/src/health/health.service';
import { solidJpeg } from '../../server/src/media/image/test-images';

/** The services the bare servers call, set once the app is up. */
let services: { health: HealthService; tokens: TokenService; authUsers: AuthUserLoader; queries: CaseQueries };

async function caseDetailFor(authorization: string | undefined, id: number) {
  const user = await services.authUsers.load(services.tokens.verify((authorization ?? '').slice('Bearer '.length)));
  if (!user) throw new Error('no user');
  return services.queries.view(user, id);
}

/** A bare Nest app on Fastify (no guards, pipes, hooks, CORS or logging): the framework's own share. */
@Controller('api')
class BareNestController {
  @Get('health')
  health() {
    return services.health.check();
  }

  @Get('cases/:id')
  detail(@Req() req: FastifyRequest, @Param('id') id: string) {
    return caseDetailFor(req.headers.authorization, Number(id));
  }
}

@Module({ controllers: [BareNestController] })
class BareNestModule {}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is required');
  const app = await createApp({
    nodeEnv: 'production',
    databaseUrl,
    jwtSecret: 'bench-secret-bench-secret-bench',
    devLogin: true,
    // Production settings, but the bench signs its reader in through the dev sign-in.
    allowDevLoginInProduction: true,
    seedOnStart: true,
    demo: false,
    logLevel: 'info',
    h5Dir: '/nonexistent-h5',
    mediaDir: process.env.BENCH_MEDIA_DIR ?? '/tmp/linli-bench-media',
  });
  await app.listen(0, '127.0.0.1');
  const appPort = (app.getHttpServer().address() as AddressInfo).port;
  const base = `http://127.0.0.1:${appPort}/api`;

  // One report by a demo resident, in the middle of a demo grid, to read back.
  const users = (await (await fetch(`${base}/auth/dev-users`)).json()) as Array<{ id: number; role: string }>;
  const resident = users.find((u) => u.role === 'resident');
  if (!resident) throw new Error('no demo resident');
  const signIn = await fetch(`${base}/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: resident.id }) });
  const token = ((await signIn.json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const grids = (await (await fetch(`${base}/org/grids`, { headers: auth })).json()) as Array<{ bbox?: [number, number, number, number] }>;
  const box = grids.find((g) => g.bbox)?.bbox;
  if (!box) throw new Error('no demo grid');
  const form = new FormData();
  form.append('file', new Blob([await solidJpeg(64, 48, '#336699')], { type: 'image/jpeg' }), 'photo.jpg');
  const upload = (await (await fetch(`${base}/media/photos`, { method: 'POST', headers: auth, body: form })).json()) as { id: string };
  const report = await fetch(`${base}/cases`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ clientKey: randomUUID(), photoIds: [upload.id], lng: (box[0] + box[2]) / 2, lat: (box[1] + box[3]) / 2, description: '小区门口路灯坏了，晚上很黑', address: '测试路 1 号' }),
  });
  if (report.status !== 201) throw new Error(`report failed: ${report.status} ${await report.text()}`);
  const caseId = ((await report.json()) as { id: number }).id;

  services = { health: app.get(HealthService), tokens: app.get(TokenService), authUsers: app.get(AuthUserLoader), queries: app.get(CaseQueries) };
  const bare = Fastify();
  bare.get('/api/health', () => services.health.check());
  bare.get<{ Params: { id: string } }>('/api/cases/:id', (req) => caseDetailFor(req.headers.authorization, Number(req.params.id)));
  // CPU time the process has used so far (µs): per-request cost is read as its difference over a run, which a
  // busy machine disturbs far less than requests per second.
  bare.get('/__cpu', () => {
    const { user, system } = process.cpuUsage();
    return { micros: user + system };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as AddressInfo).port;
  const bareNest = await NestFactory.create(BareNestModule, new FastifyAdapter(), { logger: false });
  await bareNest.listen(0, '127.0.0.1');
  const bareNestPort = (bareNest.getHttpServer().address() as AddressInfo).port;

  process.stdout.write(`${JSON.stringify({ appPort, barePort, bareNestPort, token, caseId })}\n`);
  // A normal exit on Ctrl-C, so `node --cpu-prof` can write its profile.
  process.once('SIGINT', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
