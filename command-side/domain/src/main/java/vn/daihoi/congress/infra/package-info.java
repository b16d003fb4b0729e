/** Wiring of the congress and person aggregates into Axon, and the command side's congress directory. */
package vn.daihoi.congress.infra;
