// Back Break's Lambda handler module imported, as a Lambda runtime imports it before the first request.
// Prints the milliseconds from the process's start (performance.now()) to the module being ready.
const { handler } = await import(process.env.BENCH_LAMBDA_MODULE ?? '../../src/adapters/alexa/lambda.js');
if (typeof handler !== 'function') throw new Error('the Lambda module exports no handler');
console.log(JSON.stringify({ readyMs: performance.now() }));
