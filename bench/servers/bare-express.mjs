// The floor for start time: express 5 answering GET /healthz, plain JavaScript run by node (nothing to
// transpile), on PORT at 127.0.0.1.
import express from 'express';

const app = express();
app.disable('x-powered-by');
app.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
