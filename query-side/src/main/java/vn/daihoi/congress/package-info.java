/** Congress read models: the dashboard (status, attendance, quorum, decisions) and the federation's season view. */
package vn.daihoi.congress;
