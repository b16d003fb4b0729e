/** HTTP endpoints of the organisation registry: register and restructure units, read the tree as of a date. */
package vn.daihoi.organisation;
