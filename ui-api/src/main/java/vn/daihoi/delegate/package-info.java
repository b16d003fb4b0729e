/** HTTP endpoints of the delegate roll: adding and importing delegates, check-in, voting credentials and slips. */
package vn.daihoi.delegate;
