// Generates "<ieee754 hex> <String(x)>" lines with V8 as the oracle for ECMAScript Number::toString.
let s = 0x243F6A8885A308D3n; // fixed seed, reproducible
const M = (1n << 64n) - 1n;
function next() { s ^= (s << 13n) & M; s ^= s >> 7n; s ^= (s << 17n) & M; return s; }
const buf = new DataView(new ArrayBuffer(8));
function fromBits(b) { buf.setBigUint64(0, b); return buf.getFloat64(0); }
function hex(x) { buf.setFloat64(0, x); return buf.getBigUint64(0).toString(16).padStart(16, '0'); }
const out = new Map();
function add(x) { if (Number.isFinite(x)) out.set(hex(x), String(x)); }
for (let i = 0; i < 1500; i++) add(fromBits(next()));                       // any bit pattern
for (let i = 0; i < 1500; i++) {                                            // human-scale magnitudes
  const e = Number(next() % 60n) - 30; const m = Number(next() % 10000000000n) / 1e10;
  add(m * Math.pow(10, e)); add(-m * Math.pow(10, e));
}
for (let i = 0; i < 500; i++) { const d = Number(next() % 100000n); const p = Number(next() % 8n); add(d / Math.pow(10, p)); } // short decimals
for (let e = -30; e <= 30; e++) { add(Math.pow(10, e)); add(1 - Math.pow(10, e)); add(Math.pow(10, e) * 1.5); }
for (const b of [2n**52n, 2n**53n, 2n**54n]) for (let d = -3n; d <= 3n; d++) add(Number(b + d));
for (const x of [1e21, 1e21 - 65536, 999999999999999900000, 1e-6, 1e-7, 0.000001234, 5e-324, 1.7976931348623157e308, 0.1, 0.2, 0.3, 0.1 + 0.2, 2.5, 123456789012345680000, 4.35, 1.005, 100, 1e100, 2**-1074 * 3])
  add(x);
for (let i = 0; i < 300; i++) { buf.setBigUint64(0, next()); const lo = buf.getUint32(4); buf.setUint32(0, 0x43300000 + (lo % 0x1fffff)); add(buf.getFloat64(0)); } // large integers near 2^52..2^74
process.stdout.write("# ECMAScript Number::toString oracle for Jcs.formatNumber: <IEEE 754 binary64 hex> <String(x) in V8>\n");
process.stdout.write("# Generated once with Node " + process.version + " (V8) by es-number-vectors.js (fixed-seed xorshift): node es-number-vectors.js > es-number-vectors.txt\n");
for (const [h, v] of out) process.stdout.write(h + " " + v + "\n");
