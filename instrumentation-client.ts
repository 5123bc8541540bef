import { z } from 'zod';

// Runs in the browser before hydration. The pages' CSP allows no eval, and zod's first parse probes `new Function`
// to decide whether to compile its parsers: the probe is caught, but the browser still reports a CSP violation.
// jitless skips the probe (zod then interprets its schemas, which is fast enough for form-sized input).
z.config({ jitless: true });
