// The ReDoS check of test/hardening/redos.test.ts with recheck's automaton checker on every
// pattern (npm test sends the patterns with large automata to its faster fuzz checker).
process.env.RECHECK_FULL = '1';
await import('../hardening/redos.test.js');
