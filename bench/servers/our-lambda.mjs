// Back Break's Lambda handler module (BENCH_LAMBDA_MODULE: the bundle, or the TypeScript source under tsx)
// imported as a Lambda runtime imports it before the first request. Prints the milliseconds from the
// process's start (performance.now()) to the handler being ready.
import { pathToFileURL } from 'node:url';

const { handler } = await import(pathToFileURL(process.env.BENCH_LAMBDA_MODULE).href);
if (typeof handler !== 'function') throw new Error('the Lambda module exports no handler');
console.log(JSON.stringify({ readyMs: performance.now() }));
