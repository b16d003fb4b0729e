/** The congress aggregate: convening, its roll and attendance, show-of-hands decisions. */
package vn.daihoi.congress;
