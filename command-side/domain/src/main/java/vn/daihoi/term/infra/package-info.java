/** Axon and JDBC wiring of the term feature: the command-side leadership directory. */
package vn.daihoi.term.infra;
