/**
 * The delegate roll's ports, the import of many delegates in one transaction, and rolls filled from elections
 * (a committee summoned to its first meeting, R-41; delegates sent to the upper congress, R-23).
 */
package vn.daihoi.delegate;
