/** Wiring of the organisation aggregate into Axon and Spring, and the command side's unit directory table. */
package vn.daihoi.organisation.infra;
