/** Cross-cutting plumbing: database, event store, serialization, problem details, request logs, health. */
package vn.daihoi.infra;
