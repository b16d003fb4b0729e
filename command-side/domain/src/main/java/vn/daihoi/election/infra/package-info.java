/** The electronic ballot box on PostgreSQL and the election's Axon wiring (ADR 0008). */
package vn.daihoi.election.infra;
