/** What every projection shares: the tables it owns, so that a replay can build them aside and swap them in. */
package vn.daihoi.readmodel;
