import fc from 'fast-check';

// One seed for every property test, so a run is repeatable; set FC_SEED to explore other inputs.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261122) });
