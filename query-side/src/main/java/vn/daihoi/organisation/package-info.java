/** The unit tree read model: every unit's versions over time, so the tree can be read as of any date. */
package vn.daihoi.organisation;
