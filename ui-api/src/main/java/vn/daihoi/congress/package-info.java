/** HTTP endpoints of congresses: convening, the session, show-of-hands decisions, dashboard and season views. */
package vn.daihoi.congress;
