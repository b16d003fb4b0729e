/**
 * The election benchmark (not a test): {@link vn.daihoi.bench.ElectionBenchmark} starts the application on a fresh
 * PostgreSQL database, sets congresses up over HTTP, drives ballots through the HTTP API at a fixed concurrency,
 * measures {@code pgbench} beside it and writes {@code docs/benchmarks.md}. Run it with the Maven profile
 * {@code bench} (see that file's "How to run"); the normal build never runs it, and no class here is named like a
 * test.
 */
package vn.daihoi.bench;
