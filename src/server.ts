import express from 'express';
import { estimatedMinutes } from './core/routine.js';
import { loadRoutines } from './routines/load.js';

// Composition root (grows as adapters land): one express app for /alexa, /slack/events and /healthz.
const routines = loadRoutines();
const app = express();
app.get('/healthz', (_req, res) => {
  res.json({ ok: true, routines: routines.map((r) => ({ id: r.id, title: r.title, minutes: estimatedMinutes(r) })) });
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
app.listen(port, host, () => console.log(`Back Break listening on http://${host}:${port}`));
