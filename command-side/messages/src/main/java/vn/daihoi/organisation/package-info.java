/**
 * The organisation registry: union units, their tree and its changes over time,
 * each with its effective date and the decision that made it.
 */
package vn.daihoi.organisation;
