/** Per-person keys on PostgreSQL and the command side's person directory. */
package vn.daihoi.person.infra;
